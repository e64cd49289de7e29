using System.Text.Json;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>Reads <c>choices[0]</c> and <c>usage</c> from a 200 response; anything else is a transient failure.</summary>
internal static class OpenAiResponseParser
{
    public static Completion Parse(string body, OpenAiApi api, string url)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array
                || choices.GetArrayLength() == 0)
                throw Malformed(url, "no choices", body);
            var choice = choices[0];
            var text = api == OpenAiApi.Chat
                ? choice.TryGetProperty("message", out var message) ? OptionalString(message, "content") : null
                : OptionalString(choice, "text");
            if (text is null && !(api == OpenAiApi.Chat && choice.TryGetProperty("message", out _)))
                throw Malformed(url, api == OpenAiApi.Chat ? "no choices[0].message" : "no choices[0].text", body);
            var finish = OptionalString(choice, "finish_reason") ?? "stop";
            int? promptTokens = null, completionTokens = null;
            if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                promptTokens = OptionalInt(usage, "prompt_tokens");
                completionTokens = OptionalInt(usage, "completion_tokens");
            }
            return new Completion(text ?? "", CompletionStatus.Ok, finish, promptTokens, completionTokens);
        }
        catch (JsonException e)
        {
            throw new TransientBackendException($"{url} answered 200 with a body that is not complete JSON ({e.Message}): {Excerpt(body)}", inner: e);
        }
    }

    /// <summary>The server's <c>error.message</c> when the body has one, else the start of the body.</summary>
    public static string ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return error.GetString()!;
                if (error.ValueKind == JsonValueKind.Object && OptionalString(error, "message") is { } message) return message;
            }
        }
        catch (JsonException)
        {
        }
        return Excerpt(body);
    }

    public static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private static TransientBackendException Malformed(string url, string what, string body) =>
        new($"{url} answered 200 with {what}: {Excerpt(body)}");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
