using System.Text.Json;

namespace SIaM.Tokenization.Loading;

/// <summary>Small helpers over <see cref="JsonElement"/> for optional tokenizer.json fields.</summary>
internal static class Json
{
    public static JsonElement? Child(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) =>
        e.Child(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static bool Bool(this JsonElement e, string name, bool fallback = false) =>
        e.Child(name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    public static int Int(this JsonElement e, string name, int fallback = 0) =>
        e.Child(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : fallback;

    public static string Type(this JsonElement e) => e.Str("type") ?? "(no type)";

    public static JsonDocument Parse(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException ex) { throw new SIaM.Core.InputException($"{path}: invalid JSON at line {ex.LineNumber + 1}: {ex.Message}"); }
    }
}
