using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Candidate scoring against an OpenAI-compatible server. <c>api=completions</c>: one request per candidate with the
/// prompt + candidate, <c>echo: true, logprobs: 1</c>; the candidate's log-probability is the sum over the echoed tokens
/// from the one that contains the end of the prompt (exact, multi-token). <c>api=chat</c>: one request per prompt with
/// <c>max_tokens: 1, logprobs: true, top_logprobs: N</c>; a candidate scores the log-probability of the first-position
/// token equal to it (after trimming), −∞ when it is not among the top N (single-token candidates only). A server that
/// returns no log-probabilities is an <see cref="InputException"/> that says which API to try instead.
/// </summary>
public sealed class OpenAiCandidateScorer : ICandidateScorer, IDisposable, IAsyncDisposable
{
    private readonly OpenAiBackendOptions _options;
    private readonly int _topLogProbs;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _slots;
    private readonly string? _apiKey;
    private readonly Uri _endpoint;

    /// <param name="options">The server, model and API (see <see cref="OpenAiSpecParser"/>).</param>
    /// <param name="topLogProbs">How many alternatives the chat API is asked for (OpenAI and vLLM allow up to 20).</param>
    public OpenAiCandidateScorer(OpenAiBackendOptions options, int topLogProbs = 20)
    {
        _options = options;
        _topLogProbs = topLogProbs;
        _pipeline = RetryPipeline.Create(options, null);
        _slots = new SemaphoreSlim(options.MaxConcurrency);
        _apiKey = Environment.GetEnvironmentVariable(options.ApiKeyVariable) is { Length: > 0 } key ? key : null;
        _endpoint = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + (options.Api == OpenAiApi.Chat ? "/chat/completions" : "/completions"));
    }

    /// <inheritdoc />
    public string Spec => _options.Identity;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoringResult>> ScoreAsync(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken)
    {
        var tasks = requests.Select(request => _options.Api == OpenAiApi.Chat
            ? ChatAsync(request, cancellationToken)
            : EchoAllAsync(request, cancellationToken));
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<ScoringResult> EchoAllAsync(ScoringRequest request, CancellationToken cancellationToken) =>
        new(await Task.WhenAll(request.Candidates.Select(c => EchoAsync(request, c, cancellationToken))).ConfigureAwait(false));

    private async Task<CandidateScore> EchoAsync(ScoringRequest request, string candidate, CancellationToken cancellationToken)
    {
        var prompt = request.PlainPrompt;
        var text = prompt + candidate;
        var body = new JsonObject
        {
            ["model"] = _options.Model, ["prompt"] = text, ["max_tokens"] = 1, ["temperature"] = 0,
            ["echo"] = true, ["logprobs"] = 1,
        };
        var choice = await PostAsync(body, cancellationToken).ConfigureAwait(false);
        if (choice["logprobs"] is not JsonObject logprobs
            || logprobs["tokens"] is not JsonArray tokens
            || logprobs["token_logprobs"] is not JsonArray values
            || logprobs["text_offset"] is not JsonArray offsets)
            throw NoLogProbs("completions with echo + logprobs");
        var start = -1;
        for (var i = 0; i < offsets.Count && offsets[i]!.GetValue<int>() <= prompt.Length; i++) start = i;
        var picked = new List<TokenLogProb>();
        for (var i = Math.Max(start, 0); i < tokens.Count && offsets[i]!.GetValue<int>() < text.Length; i++)
        {
            if (values[i] is null) throw NoLogProbs("a log-probability for every echoed token");
            picked.Add(new TokenLogProb(tokens[i]!.GetValue<string>(), values[i]!.GetValue<double>()));
        }
        return new CandidateScore(candidate, picked.Count == 0 ? double.NegativeInfinity : picked.Sum(t => t.LogProb), picked);
    }

    private async Task<ScoringResult> ChatAsync(ScoringRequest request, CancellationToken cancellationToken)
    {
        var messages = new JsonArray();
        foreach (var message in request.Messages) messages.Add(new JsonObject { ["role"] = message.Role, ["content"] = message.Content });
        var body = new JsonObject
        {
            ["model"] = _options.Model, ["messages"] = messages, ["max_tokens"] = 1, ["temperature"] = 0,
            ["logprobs"] = true, ["top_logprobs"] = _topLogProbs,
        };
        if (request.AssistantPrefix.Length > 0)
        {
            messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = request.AssistantPrefix });
            body["continue_final_message"] = true;
            body["add_generation_prompt"] = false;
        }
        var choice = await PostAsync(body, cancellationToken).ConfigureAwait(false);
        if (choice["logprobs"]?["content"] is not JsonArray { Count: > 0 } content || content[0]?["top_logprobs"] is not JsonArray top)
            throw NoLogProbs("chat logprobs with top_logprobs");
        var alternatives = top.OfType<JsonObject>()
            .Select(t => (Token: t["token"]?.GetValue<string>() ?? "", LogProb: t["logprob"]?.GetValue<double>() ?? double.NegativeInfinity))
            .ToList();
        return new ScoringResult(request.Candidates.Select(candidate =>
        {
            var match = alternatives.Where(a => a.Token.Trim() == candidate.Trim()).OrderByDescending(a => a.LogProb).FirstOrDefault();
            return match.Token is null
                ? new CandidateScore(candidate, double.NegativeInfinity, [])
                : new CandidateScore(candidate, match.LogProb, [new TokenLogProb(match.Token, match.LogProb)]);
        }).ToArray());
    }

    private async Task<JsonObject> PostAsync(JsonObject body, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var json = JsonText.Write(body);
            var (status, text) = await _pipeline.ExecuteAsync(async ct =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                if (_apiKey is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                using var response = await _http.SendAsync(message, ct).ConfigureAwait(false);
                var content = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                var code = (int)response.StatusCode;
                if (code is 408 or 429 || code >= 500)
                    throw new TransientBackendException($"{_endpoint} answered HTTP {code}: {OpenAiResponseParser.ErrorMessage(content)}");
                return (code, content);
            }, cancellationToken).ConfigureAwait(false);
            if (status != 200)
                throw new InputException($"{_endpoint} refused a scoring request (HTTP {status}: {OpenAiResponseParser.ErrorMessage(text)}); {Hint}");
            return JsonNode.Parse(text)?["choices"]?[0] as JsonObject
                   ?? throw new InputException($"{_endpoint} answered a scoring request without choices: {OpenAiResponseParser.Excerpt(text)}");
        }
        finally
        {
            _slots.Release();
        }
    }

    private string Hint => _options.Api == OpenAiApi.Chat
        ? "the server may not offer chat logprobs/top_logprobs: try ?api=completions (echo + logprobs), or a text critic (--critic-mode text)"
        : "the server may not offer completions with echo + logprobs: try ?api=chat (top_logprobs), or a text critic (--critic-mode text)";

    private InputException NoLogProbs(string what) =>
        new($"{_endpoint} returned no log-probabilities ({what} missing from the response); {Hint}");

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }
}
