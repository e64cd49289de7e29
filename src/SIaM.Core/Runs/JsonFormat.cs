using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SIaM.Core.Runs;

/// <summary>The one JSON format of every file a run writes: snake_case, enums as snake_case strings, readable Chinese.</summary>
public static class JsonFormat
{
    /// <summary>One JSON value per line (samples.jsonl).</summary>
    public static JsonSerializerOptions Line { get; } = Create(indented: false);

    /// <summary>Indented documents (results.json, run.json).</summary>
    public static JsonSerializerOptions Document { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
