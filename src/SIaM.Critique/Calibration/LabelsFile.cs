using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;

namespace SIaM.Critique.Calibration;

/// <summary>
/// Reads a labels file: one JSON object per line with <c>question</c>, <c>reference</c>, <c>label</c> (<c>"yes"</c>/<c>"no"</c>
/// or true/false) and optionally <c>code</c>, <c>output</c>, <c>answer</c>, <c>language</c> (<c>en</c>/<c>zh</c>), <c>id</c>.
/// Blank lines are skipped; anything malformed is an <see cref="InputException"/> naming file and line.
/// <see cref="Write"/> writes the same format, so a file written here reads back as the same cases.
/// </summary>
public static class LabelsFile
{
    /// <summary>The labelled cases of <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<LabelledCase> Read(string path)
    {
        var cases = JsonLinesFile.Read(path, "labels", line =>
        {
            var question = line.Text("question") ?? throw line.Error("no \"question\"");
            var reference = line.Text("reference") ?? throw line.Error("no \"reference\"");
            var label = line.Fields["label"] switch
            {
                JsonValue v when v.TryGetValue<bool>(out var b) => b,
                JsonValue v when v.TryGetValue<string>(out var s) && s.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
                JsonValue v when v.TryGetValue<string>(out var s) && s.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
                _ => throw line.Error("\"label\" must be \"yes\", \"no\", true or false"),
            };
            var language = line.Text("language") switch
            {
                null or "en" => Language.En,
                "zh" => Language.Zh,
                var other => throw line.Error($"language '{other}' must be en or zh"),
            };
            var id = line.Text("id") ?? $"labels/{line.Number}";
            return new LabelledCase(
                new CritiqueCase(id, 0, id.Split('/')[0], language, question, reference, line.Text("code"), line.Text("output"), line.Text("answer"),
                    line.Text("completion") ?? line.Text("code") ?? line.Text("answer") ?? line.Text("output") ?? ""),
                label);
        });
        if (cases.Count == 0) throw new InputException($"{path}: no labelled cases");
        return cases;
    }

    /// <summary>Writes labelled cases atomically, one line each, in the format <see cref="Read"/> reads.</summary>
    public static void Write(string path, IEnumerable<LabelledCase> cases) =>
        JsonLinesWriter.WriteAll(path, cases.Select(c => Line(c.Case, c.Label)));

    private static JsonObject Line(CritiqueCase @case, bool label) => new()
    {
        ["id"] = @case.Id,
        ["language"] = @case.Language == Language.Zh ? "zh" : "en",
        ["question"] = @case.Question,
        ["reference"] = @case.Reference,
        ["code"] = @case.Code,
        ["output"] = @case.Output,
        ["answer"] = @case.Answer,
        ["label"] = label ? "yes" : "no",
    };
}
