using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Critique.Calibration;

/// <summary>
/// Reads a labels file: one JSON object per line with <c>question</c>, <c>reference</c>, <c>label</c> (<c>"yes"</c>/<c>"no"</c>
/// or true/false) and optionally <c>code</c>, <c>output</c>, <c>answer</c>, <c>language</c> (<c>en</c>/<c>zh</c>), <c>id</c>.
/// Blank lines are skipped; anything malformed is an <see cref="InputException"/> naming file and line.
/// </summary>
public static class LabelsFile
{
    /// <summary>The labelled cases of <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<LabelledCase> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such labels file");
        var cases = new List<LabelledCase>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var where = $"{path}:{i + 1}";
            try
            {
                var node = JsonNode.Parse(lines[i]) as JsonObject ?? throw new InputException($"{where}: not a JSON object");
                string? Text(string name) => node[name] is JsonValue v ? v.GetValue<string>() : null;
                var question = Text("question") ?? throw new InputException($"{where}: no \"question\"");
                var reference = Text("reference") ?? throw new InputException($"{where}: no \"reference\"");
                var label = node["label"] switch
                {
                    JsonValue v when v.TryGetValue<bool>(out var b) => b,
                    JsonValue v when v.TryGetValue<string>(out var s) && s.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
                    JsonValue v when v.TryGetValue<string>(out var s) && s.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
                    _ => throw new InputException($"{where}: \"label\" must be \"yes\", \"no\", true or false"),
                };
                var language = Text("language") switch
                {
                    null or "en" => Language.En,
                    "zh" => Language.Zh,
                    var other => throw new InputException($"{where}: language '{other}' must be en or zh"),
                };
                var id = Text("id") ?? $"labels/{i + 1}";
                cases.Add(new LabelledCase(
                    new CritiqueCase(id, 0, id.Split('/')[0], language, question, reference, Text("code"), Text("output"), Text("answer"),
                        Text("completion") ?? Text("code") ?? Text("answer") ?? Text("output") ?? ""),
                    label));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{where}: malformed labelled case ({e.Message})");
            }
        }
        if (cases.Count == 0) throw new InputException($"{path}: no labelled cases");
        return cases;
    }
}
