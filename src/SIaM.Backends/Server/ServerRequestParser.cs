using System.Text.Json;
using SIaM.Core.Backends;

namespace SIaM.Backends.Server;

/// <summary>
/// Turns an OpenAI request body into <c>n</c> generation requests (sample indices 0…n-1, base seed <c>seed</c>).
/// Chat: a trailing assistant message with <c>continue_final_message: true</c> becomes the assistant prefix.
/// Completions: the prompt becomes the assistant prefix of a request without messages, so that
/// <see cref="GenerationRequest.PlainPrompt"/> is exactly the prompt. Defaults are greedy (temperature 0) and
/// <see cref="GenerationConfig"/>'s limits. Unknown fields are ignored, as vLLM does.
/// </summary>
internal static class ServerRequestParser
{
    private const int MaxN = 64;

    public static IReadOnlyList<GenerationRequest> Parse(JsonElement root, bool chat, string modelName, string problemId)
    {
        if (root.ValueKind != JsonValueKind.Object) throw BadRequest("the body must be a JSON object");
        var model = String(root, "model") ?? throw BadRequest("'model' is required");
        if (model != modelName)
            throw new ServerRequestException(404, $"The model '{model}' does not exist; this server serves '{modelName}'");
        if (Bool(root, "stream") == true) throw BadRequest("'stream': true is not supported");
        if (Bool(root, "echo") == true) throw BadRequest("'echo': true is not supported");

        var (messages, prefix) = chat ? ChatPrompt(root) : ([], CompletionPrompt(root));
        var defaults = GenerationConfig.Greedy;
        var config = new GenerationConfig(
            Temperature: Number(root, "temperature", 0, 100) ?? defaults.Temperature,
            TopP: Number(root, "top_p", 0, 1) ?? defaults.TopP,
            TopK: Math.Max(0, Int(root, "top_k", -1, int.MaxValue) ?? defaults.TopK),
            MaxNewTokens: Int(root, "max_completion_tokens", 1, int.MaxValue) ?? Int(root, "max_tokens", 1, int.MaxValue) ?? defaults.MaxNewTokens,
            Stop: Stop(root),
            Seed: Int(root, "seed", int.MinValue, int.MaxValue) ?? defaults.Seed);
        var n = Int(root, "n", 1, MaxN) ?? 1;
        return Enumerable.Range(0, n).Select(i => new GenerationRequest(problemId, i, messages, prefix, config)).ToArray();
    }

    private static (IReadOnlyList<ChatMessage>, string) ChatPrompt(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            throw BadRequest("'messages' must be a non-empty array");
        var messages = array.EnumerateArray().Select((m, i) => new ChatMessage(
            (m.ValueKind == JsonValueKind.Object ? String(m, "role") : null) ?? throw BadRequest($"messages[{i}] has no 'role'"),
            Content(m, i))).ToList();
        if (Bool(root, "continue_final_message") != true) return (messages, "");
        if (messages[^1].Role != "assistant")
            throw BadRequest("'continue_final_message' needs the last message to be from the assistant");
        if (Bool(root, "add_generation_prompt") == true)
            throw BadRequest("'continue_final_message' and 'add_generation_prompt' cannot both be true");
        return (messages.Take(messages.Count - 1).ToArray(), messages[^1].Content);
    }

    private static string Content(JsonElement message, int index)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null) return "";
        if (content.ValueKind == JsonValueKind.String) return content.GetString()!;
        if (content.ValueKind == JsonValueKind.Array)
            return string.Concat(content.EnumerateArray().Select(part =>
                part.ValueKind == JsonValueKind.Object && String(part, "type") == "text" && String(part, "text") is { } text
                    ? text
                    : throw BadRequest($"messages[{index}].content: only text parts are supported")));
        throw BadRequest($"messages[{index}].content must be a string or an array of text parts");
    }

    private static string CompletionPrompt(JsonElement root)
    {
        if (!root.TryGetProperty("prompt", out var prompt)) throw BadRequest("'prompt' is required");
        if (prompt.ValueKind == JsonValueKind.String) return prompt.GetString()!;
        if (prompt.ValueKind == JsonValueKind.Array && prompt.GetArrayLength() == 1 && prompt[0].ValueKind == JsonValueKind.String)
            return prompt[0].GetString()!;
        throw BadRequest("'prompt' must be one string (token-id and multi-prompt requests are not supported)");
    }

    private static IReadOnlyList<string>? Stop(JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null) return null;
        if (stop.ValueKind == JsonValueKind.String) return [stop.GetString()!];
        if (stop.ValueKind == JsonValueKind.Array && stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String))
            return stop.EnumerateArray().Select(s => s.GetString()!).ToArray();
        throw BadRequest("'stop' must be a string or an array of strings");
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw BadRequest($"'{name}' must be true or false");

    private static double? Number(JsonElement root, string name, double min, double max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= min && number <= max) return number;
        throw BadRequest($"'{name}' must be a number from {min} to {max}");
    }

    private static int? Int(JsonElement root, string name, int min, int max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max) return number;
        throw BadRequest($"'{name}' must be an integer from {min} to {max}");
    }

    private static ServerRequestException BadRequest(string message) => new(400, message);
}
