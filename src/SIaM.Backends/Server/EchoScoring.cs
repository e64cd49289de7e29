using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Backends.Server;

/// <summary>
/// <c>POST /v1/completions</c> with <c>echo: true</c>: the log-probability of every token of the prompt (after the BOS),
/// as OpenAI's legacy completions return them (<c>logprobs.tokens</c>, <c>token_logprobs</c>, <c>text_offset</c>). Needs a
/// backend that is an <see cref="ICandidateScorer"/>: the whole prompt is scored as the continuation of an empty raw
/// prompt. Nothing is generated (<c>max_tokens</c> is ignored), which is all a scoring client reads.
/// </summary>
internal static class EchoScoring
{
    public static bool Requested(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("echo", out var echo) && echo.ValueKind == JsonValueKind.True;

    public static async Task<JsonObject> ScoreAsync(
        ICandidateScorer? scorer,
        JsonElement root,
        string modelName,
        string id,
        CancellationToken cancellationToken)
    {
        if (scorer is null)
            throw new ServerRequestException(400, "'echo': true needs a model that scores tokens (hf:); this backend only generates text");
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (model != modelName) throw new ServerRequestException(404, $"The model '{model}' does not exist; this server serves '{modelName}'");
        var prompt = root.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } text
            ? text
            : throw new ServerRequestException(400, "'echo' needs 'prompt' to be one non-empty string");
        ScoringResult result;
        try
        {
            result = (await scorer.ScoreAsync([new ScoringRequest(id, [], "", [prompt])], cancellationToken).ConfigureAwait(false)).Single();
        }
        catch (InputException e)
        {
            throw new ServerRequestException(400, e.Message);
        }
        var tokens = result.Candidates.Single().Tokens;
        if (tokens.Count == 0) throw new ServerRequestException(400, "the prompt does not fit the model's context");
        var offsets = new JsonArray();
        var offset = 0;
        foreach (var token in tokens)
        {
            offsets.Add(offset);
            offset += token.Text.Length;
        }
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["text"] = prompt,
            ["logprobs"] = new JsonObject
            {
                ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode?)JsonValue.Create(t.Text)).ToArray()),
                ["token_logprobs"] = new JsonArray(tokens.Select(t => (JsonNode?)JsonValue.Create(t.LogProb)).ToArray()),
                ["text_offset"] = offsets,
                ["top_logprobs"] = null,
            },
            ["finish_reason"] = "length",
        };
        return new JsonObject
        {
            ["id"] = id, ["object"] = "text_completion", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = modelName, ["choices"] = new JsonArray(choice),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens.Count, ["completion_tokens"] = 0, ["total_tokens"] = tokens.Count },
        };
    }
}
