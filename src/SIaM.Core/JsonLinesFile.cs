using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core.Runs;

namespace SIaM.Core;

/// <summary>
/// Reads the JSON Lines files users hand the tool (questions, labels, critic data, replays): blank lines are skipped,
/// every other line must be a JSON object, and anything wrong is an <see cref="InputException"/> naming the file and line.
/// </summary>
public static class JsonLinesFile
{
    /// <summary>
    /// The objects of <paramref name="path"/>, each turned into a value by <paramref name="parse"/>. A missing file is
    /// "<c>file: no such {kind} file</c>"; broken JSON, a line that is not an object, and a field of the wrong type met
    /// inside <paramref name="parse"/> (<c>GetValue&lt;string&gt;</c> on a number) are "<c>file:line: …</c>" errors.
    /// </summary>
    public static List<T> Read<T>(string path, string kind, Func<JsonLine, T> parse)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such {kind} file");
        var items = new List<T>();
        foreach (var (text, number) in JsonLinesReader.Lines(path, TornLastLine.Read))
        {
            var where = $"{path}:{number}";
            try
            {
                var fields = JsonNode.Parse(text) as JsonObject ?? throw new InputException($"{where}: not a JSON object");
                items.Add(parse(new JsonLine(fields, where, number)));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{where}: malformed {kind} line ({e.Message})");
            }
        }
        return items;
    }
}

/// <summary>One object of a JSON Lines file, with where it is (<c>file:line</c>) for error messages.</summary>
public sealed record JsonLine(JsonObject Fields, string Where, int Number)
{
    /// <summary>The string field <paramref name="name"/>; null when it is absent or JSON null.</summary>
    public string? Text(string name) => Fields[name]?.GetValue<string>();

    /// <summary>An <see cref="InputException"/> "<c>file:line: why</c>".</summary>
    public InputException Error(string why) => new($"{Where}: {why}");
}
