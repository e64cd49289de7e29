using System.Text.Json.Nodes;
using SIaM.Core.Backends;

namespace SIaM.Backends.Server;

/// <summary>OpenAI-shaped response bodies.</summary>
internal static class ServerResponses
{
    public static JsonObject Models(string modelName) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject
        {
            ["id"] = modelName, ["object"] = "model", ["created"] = 0, ["owned_by"] = "siam",
        }),
    };

    public static JsonObject Generation(bool chat, string id, string modelName, IReadOnlyList<Completion> completions)
    {
        var choices = new JsonArray();
        for (var i = 0; i < completions.Count; i++)
        {
            var choice = new JsonObject { ["index"] = i };
            if (chat) choice["message"] = new JsonObject { ["role"] = "assistant", ["content"] = completions[i].Text };
            else
            {
                choice["text"] = completions[i].Text;
                choice["logprobs"] = null;
            }
            choice["finish_reason"] = completions[i].FinishReason;
            choices.Add(choice);
        }
        var body = new JsonObject
        {
            ["id"] = id,
            ["object"] = chat ? "chat.completion" : "text_completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = modelName,
            ["choices"] = choices,
        };
        if (completions.All(c => c.PromptTokens is not null && c.CompletionTokens is not null) && completions.Count > 0)
        {
            var prompt = completions[0].PromptTokens!.Value;
            var generated = completions.Sum(c => c.CompletionTokens!.Value);
            body["usage"] = new JsonObject
            {
                ["prompt_tokens"] = prompt, ["completion_tokens"] = generated, ["total_tokens"] = prompt + generated,
            };
        }
        return body;
    }

    public static JsonObject Error(int status, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch { 404 => "not_found_error", < 500 => "invalid_request_error", _ => "server_error" },
            ["code"] = status,
        },
    };
}
