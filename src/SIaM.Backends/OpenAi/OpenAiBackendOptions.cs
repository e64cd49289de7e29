namespace SIaM.Backends.OpenAi;

/// <summary>
/// Settings of an <see cref="OpenAiBackend"/>. Only <see cref="BaseUrl"/>, <see cref="Model"/> and <see cref="Api"/> are
/// semantic (they appear in <see cref="Identity"/> and so in cache keys and provenance); the rest only changes how the
/// requests are made.
/// </summary>
/// <param name="BaseUrl">The API root, e.g. <c>http://127.0.0.1:8000/v1</c>.</param>
/// <param name="Model">The model name sent in every request.</param>
/// <param name="Api">Chat completions (default) or plain completions.</param>
/// <param name="ApiKeyVariable">Environment variable holding the API key; no Authorization header when it is unset.</param>
/// <param name="MaxConcurrency">Requests in flight at once at most (applied by <see cref="ConcurrencyLimitedBackend"/>): a cap
/// under the evaluation's adaptive in-flight level; by default as high as the level can go, so the level decides.</param>
/// <param name="AttemptTimeout">Limit for one HTTP attempt, response body included.</param>
/// <param name="MaxRetries">Retries after the first attempt on 429, 5xx, timeouts, resets and malformed bodies.</param>
/// <param name="BaseDelay">First backoff delay; doubles per retry, with jitter.</param>
/// <param name="MaxDelay">Upper bound of one backoff delay, and of an honoured <c>Retry-After</c>.</param>
public sealed record OpenAiBackendOptions(
    Uri BaseUrl,
    string Model,
    OpenAiApi Api = OpenAiApi.Chat,
    string ApiKeyVariable = "OPENAI_API_KEY",
    int MaxConcurrency = 4096,
    TimeSpan? AttemptTimeout = null,
    int MaxRetries = 6,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null)
{
    /// <summary>Per-attempt timeout, 5 minutes unless set (long generations on slow servers).</summary>
    public TimeSpan EffectiveAttemptTimeout => AttemptTimeout ?? TimeSpan.FromMinutes(5);

    /// <summary>First backoff delay, 1 s unless set.</summary>
    public TimeSpan EffectiveBaseDelay => BaseDelay ?? TimeSpan.FromSeconds(1);

    /// <summary>Largest backoff delay, 60 s unless set.</summary>
    public TimeSpan EffectiveMaxDelay => MaxDelay ?? TimeSpan.FromSeconds(60);

    /// <summary>The semantic spec: <c>openai:BASE_URL#MODEL</c>, plus <c>?api=completions</c> when that API is used.</summary>
    public string Identity =>
        $"openai:{BaseUrl.AbsoluteUri.TrimEnd('/')}#{Model}" + (Api == OpenAiApi.Completions ? "?api=completions" : "");
}
