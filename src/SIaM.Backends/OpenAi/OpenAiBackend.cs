using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Timeout;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// An OpenAI-compatible endpoint (vLLM, SGLang, TGI, llama.cpp server, <c>siam serve</c>). One HTTP request per
/// generation request, all of a batch at once (wrap it in <see cref="ConcurrencyLimitedBackend"/> to bound them).
/// Transient failures are retried (<see cref="RetryPipeline"/>); a request that still fails becomes
/// <see cref="Completion.Failed"/>. 400/413/422 fail that request at once; other 4xx (a wrong key, URL or model) throw
/// <see cref="BackendRequestException"/> for the whole batch. A server that cannot be reached through all the retries
/// fails that request; from then on each request gets one attempt without retries (so a run whose server has gone
/// ends promptly, its samples recorded as generation errors), until a request succeeds again. Every attempt answered
/// 429/503 or timed out is reported at once as a <see cref="LoadSignal"/> (<see cref="LoadSignals"/>).
/// </summary>
public sealed class OpenAiBackend : IModelBackend
{
    /// <summary>Header carrying <see cref="GenerationRequest.ProblemId"/> (URI-escaped) to servers that want it.</summary>
    public const string ProblemIdHeader = "X-SIaM-Problem-Id";

    private readonly OpenAiBackendOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _probe;
    private string? _unreachable;
    private readonly string? _apiKey;
    private readonly Uri _endpoint;

    /// <param name="options">Where and how to call.</param>
    /// <param name="log">Receives one line per retry; null for silence.</param>
    /// <param name="environment">Reads environment variables (the API key); <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    public OpenAiBackend(OpenAiBackendOptions options, Action<string>? log = null, Func<string, string?>? environment = null)
    {
        _options = options;
        _apiKey = (environment ?? Environment.GetEnvironmentVariable)(options.ApiKeyVariable) is { Length: > 0 } key ? key : null;
        _endpoint = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + (options.Api == OpenAiApi.Chat ? "/chat/completions" : "/completions"));
        _pipeline = RetryPipeline.Create(options, log);
        _probe = RetryPipeline.Create(options with { MaxRetries = 0 }, log);
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline's per-attempt timeout rules
        };
    }

    /// <inheritdoc />
    public string Spec => _options.Identity;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = requests.Select(request => GenerateOneAsync(request, batch)).ToArray();
        return await BatchTasks.WhenAllAsync(tasks).ConfigureAwait(false);
    }

    private async Task<Completion> GenerateOneAsync(GenerationRequest request, CancellationTokenSource batch)
    {
        for (var pass = 0; ; pass++)
        {
            var probing = pass == 0 && Volatile.Read(ref _unreachable) is not null;
            var attempts = probing ? 1 : _options.MaxRetries + 1;
            try
            {
                var completion = await (probing ? _probe : _pipeline).ExecuteAsync(
                    static async (state, ct) => await state.Self.AttemptAsync(state.Request, ct).ConfigureAwait(false),
                    (Self: this, Request: request),
                    batch.Token).ConfigureAwait(false);
                Volatile.Write(ref _unreachable, null);
                return completion;
            }
            catch (BackendRequestException)
            {
                await batch.CancelAsync().ConfigureAwait(false);
                throw;
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                var cause = $"cannot connect to {_endpoint} after {attempts} attempt{(attempts == 1 ? "" : "s")}: {Describe(e)}; is the server running?";
                Interlocked.CompareExchange(ref _unreachable, cause, null);
                return Completion.Failed(probing ? cause + " (it was already unreachable for an earlier request: not retried)" : cause);
            }
            catch (Exception e) when (e is TransientBackendException or HttpRequestException or IOException or TimeoutRejectedException)
            {
                if (probing)
                {
                    Volatile.Write(ref _unreachable, null); // it answers again, if badly: retry normally
                    continue;
                }
                return Completion.Failed($"{_endpoint}: gave up after {attempts} attempt{(attempts == 1 ? "" : "s")}: {Describe(e)}");
            }
        }
    }

    private async Task<Completion> AttemptAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var json = JsonText.Write(OpenAiRequestBody.Create(request, _options));
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (_apiKey is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        message.Headers.TryAddWithoutValidation(ProblemIdHeader, Uri.EscapeDataString(request.ProblemId));

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
            return OpenAiResponseParser.Parse(body, _options.Api, _endpoint.ToString());

        var status = (int)response.StatusCode;
        var detail = $"{_endpoint} answered HTTP {status} {response.ReasonPhrase}: {OpenAiResponseParser.ErrorMessage(body)}";
        if (status is 429 or 503) LoadSignals.Report(LoadSignal.Throttled); // before the retries: the caller may send less at once
        if (status is 408 or 429 || status >= 500)
            throw new TransientBackendException(detail, RetryAfter(response));
        if (status is 400 or 413 or 422)
            return Completion.Failed(detail + " (this request only; not retried)");
        throw new BackendRequestException(detail + Hint(status) + " (not retried)");
    }

    private string Hint(int status) => status switch
    {
        401 or 403 => _apiKey is null
            ? $"; no API key was sent: set the environment variable {_options.ApiKeyVariable}"
            : $"; check the API key in the environment variable {_options.ApiKeyVariable}",
        404 => $"; check the base URL (it usually ends in /v1) and the model name '{_options.Model}'",
        _ => "",
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"each attempt timed out ({e.Message})",
        HttpRequestException { InnerException: { } inner } => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
