using System.Text.Json;

namespace SIaM.Tokenization.Loading;

/// <summary>What tokenizer_config.json, special_tokens_map.json, chat_template.jinja and generation_config.json add.</summary>
internal sealed record TokenizerConfig(
    string? BosToken, string? EosToken, string? PadToken, string? ChatTemplate, IReadOnlyList<int> GenerationEosIds)
{
    public static TokenizerConfig Read(string directory)
    {
        var config = Load(Path.Combine(directory, "tokenizer_config.json"));
        var map = Load(Path.Combine(directory, "special_tokens_map.json"));
        var generation = Load(Path.Combine(directory, "generation_config.json"));
        string? Token(string name) => TokenText(config, name) ?? TokenText(map, name);
        var jinja = Path.Combine(directory, "chat_template.jinja");
        var template = Template(config) ?? (File.Exists(jinja) ? File.ReadAllText(jinja) : null);
        return new TokenizerConfig(
            Token("bos_token"), Token("eos_token"), Token("pad_token"), template, Ids(generation?.Child("eos_token_id")));
    }

    private static JsonElement? Load(string path)
    {
        if (!File.Exists(path)) return null;
        using var doc = Json.Parse(path);
        return doc.RootElement.Clone();
    }

    // A token is written either as a string or as an AddedToken object with "content".
    private static string? TokenText(JsonElement? e, string name) => e?.Child(name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => o.Str("content"),
        _ => null,
    };

    // chat_template is a string, or a list of {name, template} where "default" is the one used for chat.
    private static string? Template(JsonElement? config) => config?.Child("chat_template") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().FirstOrDefault(t => t.Str("name") == "default").Str("template"),
        _ => null,
    };

    private static List<int> Ids(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => [n.GetInt32()],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => x.GetInt32()).ToList(),
        _ => [],
    };
}
