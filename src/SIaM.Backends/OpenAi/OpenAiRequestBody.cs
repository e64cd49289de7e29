using System.Text.Json.Nodes;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Builds the JSON body of one request. The effective seed is <see cref="SampleSeed.MixToInt"/> of (run seed, problem id,
/// sample index), the mixing every backend uses. A non-empty
/// <see cref="GenerationRequest.AssistantPrefix"/> is appended to the prompt (completions), or sent as a trailing
/// assistant message with vLLM's <c>continue_final_message: true, add_generation_prompt: false</c> (chat).
/// </summary>
internal static class OpenAiRequestBody
{
    public static int EffectiveSeed(GenerationRequest request) =>
        SampleSeed.MixToInt(request.Config.Seed, request.ProblemId, request.SampleIndex);

    public static JsonObject Create(GenerationRequest request, OpenAiBackendOptions options)
    {
        var config = request.Config;
        var body = new JsonObject { ["model"] = options.Model };
        if (options.Api == OpenAiApi.Completions)
            body["prompt"] = request.PlainPrompt;
        else
        {
            var messages = new JsonArray();
            foreach (var message in request.Messages)
                messages.Add(Message(message.Role, message.Content));
            if (request.AssistantPrefix.Length > 0)
            {
                messages.Add(Message("assistant", request.AssistantPrefix));
                body["continue_final_message"] = true;
                body["add_generation_prompt"] = false;
            }
            body["messages"] = messages;
        }
        body["max_tokens"] = config.MaxNewTokens;
        body["temperature"] = config.Temperature;
        body["top_p"] = config.TopP;
        if (config.TopK > 0) body["top_k"] = config.TopK;
        body["seed"] = EffectiveSeed(request);
        if (config.StopSequences.Count > 0)
            body["stop"] = new JsonArray(config.StopSequences.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        body["n"] = 1;
        body["stream"] = false;
        return body;
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };
}
