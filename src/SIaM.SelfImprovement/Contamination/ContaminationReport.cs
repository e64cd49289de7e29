using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Contamination;

/// <summary>
/// What a training set shares with the evaluation sets it will be judged on: per set, the training examples that
/// overlap one of its items by exact program, normalised question or 13-gram, and the list of overlaps.
/// </summary>
/// <param name="Examples">Training examples checked.</param>
/// <param name="Overlapping">Training examples with at least one overlap.</param>
/// <param name="Overlaps">Every overlap found.</param>
/// <param name="Sets">The evaluation sets and their item counts, in order.</param>
public sealed record ContaminationReport(int Examples, int Overlapping, IReadOnlyList<Overlap> Overlaps, IReadOnlyList<(string Set, int Items)> Sets)
{
    /// <summary>Checks every example against every item of <paramref name="benchmarks"/>.</summary>
    public static ContaminationReport Of(IReadOnlyList<TrainingItem> examples, IReadOnlyList<LoadedBenchmark> benchmarks)
    {
        var index = new ContaminationIndex(benchmarks.SelectMany(b => b.Problems.Select(p => new EvalItem(b.Info.Id, p.Id, p.Question,
            p.Solution is { Kind: ReferenceSolutionKind.PythonCode } s ? s.Text : null))));
        var overlaps = examples.SelectMany(index.Check).ToList();
        return new ContaminationReport(examples.Count, overlaps.Select(o => o.TrainingId).Distinct().Count(), overlaps,
            benchmarks.Select(b => (b.Info.Id, b.Problems.Count)).ToList());
    }

    /// <summary>Reads a training file: JSON Lines with a question (<c>question</c> or <c>prompt</c>) and a target
    /// (<c>completion</c>, <c>response</c> or <c>program</c>); a line without them is an error naming file:line.</summary>
    public static IReadOnlyList<TrainingItem> ReadTraining(string path)
    {
        var items = JsonLinesFile.Read(path, "training examples", line =>
        {
            string? Text(params string[] names) =>
                names.Select(n => line.Fields[n] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(s => s is not null);
            var question = Text("question", "prompt") ?? throw line.Error("no string field 'question' or 'prompt'");
            var target = Text("completion", "response", "program") ?? throw line.Error("no string field 'completion', 'response' or 'program'");
            return new TrainingItem(Text("id") ?? $"line {line.Number}", question, target);
        });
        return items.Count > 0 ? items : throw new InputException($"{path}: no training examples");
    }

    /// <summary>The Markdown table: per set, items and overlapping examples by kind; then the total.</summary>
    public string Render()
    {
        var text = new StringBuilder("| evaluation set | items | examples overlapping: program | question | 13-gram | any |\n|---|---|---|---|---|---|\n");
        foreach (var (set, items) in Sets)
        {
            int Count(string? kind) => Overlaps.Where(o => o.Set == set && (kind is null || o.Kind == kind)).Select(o => o.TrainingId).Distinct().Count();
            text.Append(CultureInfo.InvariantCulture, $"| {set} | {items} | {Count("program")} | {Count("question")} | {Count("13-gram")} | {Count(null)} |\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\n{Overlapping} of {Examples} training examples overlap an evaluation item.\n");
        return text.ToString();
    }

    /// <summary>The report as JSON (counts and every overlap).</summary>
    public JsonObject ToJson() => new()
    {
        ["examples"] = Examples,
        ["overlapping"] = Overlapping,
        ["sets"] = new JsonObject(Sets.Select(s => KeyValuePair.Create(s.Set, (JsonNode?)s.Items))),
        ["overlaps"] = new JsonArray(Overlaps.Select(o => (JsonNode)new JsonObject
        {
            ["training_id"] = o.TrainingId, ["kind"] = o.Kind, ["set"] = o.Set, ["eval_id"] = o.EvalId,
        }).ToArray()),
    };
}
