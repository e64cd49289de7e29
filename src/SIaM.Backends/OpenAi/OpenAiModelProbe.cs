using System.Net.Http.Headers;
using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Fingerprints an <c>openai:</c> model before a run: base URL, model name, API, and the model the server reports at
/// <c>GET BASE_URL/models</c> (its <c>id</c>, plus vLLM's <c>root</c> — the checkpoint path — when given). A server
/// that refuses the connection (or whose host does not resolve) is an <see cref="InputException"/>: the run ends at once
/// (exit 2), before any retry. One that connects but does not answer within 10 s is recorded as <c>unreachable</c> (a run
/// started that way cannot be resumed against a reachable server: its identity differs); one without the endpoint or
/// without the model as <c>not reported</c>.
/// </summary>
public static class OpenAiModelProbe
{
    /// <summary>The fingerprint of <paramref name="spec"/> (<c>openai:ARGUMENT</c>).</summary>
    public static async Task<ModelFingerprint> FingerprintAsync(string spec, string argument, CancellationToken cancellationToken)
    {
        var options = OpenAiSpecParser.Parse(argument);
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["api"] = options.Api.ToString().ToLowerInvariant(),
            ["base_url"] = options.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["model"] = options.Model,
            ["reported_model"] = await ReportedModelAsync(options, cancellationToken).ConfigureAwait(false),
        };
        return new ModelFingerprint(spec, null, details);
    }

    private static async Task<string> ReportedModelAsync(OpenAiBackendOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/models");
        if (Environment.GetEnvironmentVariable(options.ApiKeyVariable) is { Length: > 0 } key)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return $"not reported (HTTP {(int)response.StatusCode})";
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            foreach (var entry in document.RootElement.GetProperty("data").EnumerateArray())
            {
                if (entry.GetProperty("id").GetString() != options.Model) continue;
                return entry.TryGetProperty("root", out var root) && root.ValueKind == JsonValueKind.String && root.GetString() != options.Model
                    ? $"{options.Model} (root {root.GetString()})"
                    : options.Model;
            }
            return "not reported (the server does not list this model)";
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nobody answered at all: retries are for a server that answered once, so the run ends here.
            throw new InputException(
                $"openai: cannot connect to {request.RequestUri} ({e.InnerException?.Message ?? e.Message}): is the server running at {options.BaseUrl}?");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return "unreachable";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "not reported (malformed /models response)";
        }
    }
}
