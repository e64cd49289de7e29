using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using SIaM.Core.Backends;

namespace SIaM.Backends.Caching;

/// <summary>
/// The SHA-256 of a canonical JSON rendering of everything that decides a completion: the backend identity, the
/// messages, the assistant prefix, every <see cref="GenerationConfig"/> field and the sample index (so k samples are
/// never collapsed). The problem id is left out: equal prompts get equal completions.
/// </summary>
internal static class CacheKey
{
    public const int FormatVersion = 1;

    public static string Of(string identity, GenerationRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var config = request.Config;
            json.WriteStartObject();
            json.WriteNumber("v", FormatVersion);
            json.WriteString("backend", identity);
            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(message.Role);
                json.WriteStringValue(message.Content);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteString("prefix", request.AssistantPrefix);
            json.WriteNumber("temperature", config.Temperature);
            json.WriteNumber("top_p", config.TopP);
            json.WriteNumber("top_k", config.TopK);
            json.WriteNumber("max_new_tokens", config.MaxNewTokens);
            json.WriteStartArray("stop");
            foreach (var stop in config.StopSequences) json.WriteStringValue(stop);
            json.WriteEndArray();
            json.WriteNumber("seed", config.Seed);
            json.WriteNumber("sample_index", request.SampleIndex);
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
