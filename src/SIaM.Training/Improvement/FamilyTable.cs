using System.Globalization;
using System.Text;

namespace SIaM.Training.Improvement;

/// <summary>
/// The demo's per-family view of a run directory: greedy accuracy of every iteration per (suite, family), and the share
/// of pool questions of the family that at least one of the k samples solved in iteration 1 (what the loop could
/// learn from). Families come from the synthetic ids (<c>suite/family-lang-00042</c>).
/// </summary>
public static class FamilyTable
{
    /// <summary>The family of a synthetic question id.</summary>
    public static string FamilyOf(string id) => id[(id.IndexOf('/') + 1)..].Split('-')[0];

    /// <summary>Markdown table; iterations without eval-samples.jsonl are left out.</summary>
    public static string Render(string runDirectory, int iterations)
    {
        var evals = Enumerable.Range(0, iterations + 1)
            .Select(i => Path.Combine(runDirectory, $"iter-{i}", "eval-samples.jsonl"))
            .TakeWhile(File.Exists).Select(JsonLines.Read<EvalRecord>).ToList();
        var verdicts = Path.Combine(runDirectory, "iter-1", "verdicts.jsonl");
        var solved = File.Exists(verdicts)
            ? JsonLines.Read<LoopVerdict>(verdicts).GroupBy(v => (Lang: v.QuestionId.Split('-')[1], Family: FamilyOf(v.QuestionId)))
                .ToDictionary(g => g.Key, g => (Solved: g.GroupBy(v => v.QuestionId).Count(q => q.Any(v => v.Accepted.GetValueOrDefault("rule"))), Total: g.Select(v => v.QuestionId).Distinct().Count()))
            : [];
        var text = new StringBuilder();
        text.AppendLine("| suite | family | n | " + string.Join(" | ", evals.Select((_, i) => $"iter {i}")) + " | pool solved by k samples (iter 1) |");
        text.AppendLine("|---|---|---|" + string.Concat(evals.Select(_ => "---|")) + "---|");
        foreach (var group in evals[0].GroupBy(r => (r.Suite, Family: FamilyOf(r.QuestionId))))
        {
            var cells = evals.Select(e =>
            {
                var rows = e.Where(r => r.Suite == group.Key.Suite && FamilyOf(r.QuestionId) == group.Key.Family).ToList();
                return string.Create(CultureInfo.InvariantCulture, $"{100.0 * rows.Count(r => r.Correct) / rows.Count:F1} %");
            });
            var lang = group.Key.Suite.Split('-')[0];
            var pool = solved.TryGetValue((lang, group.Key.Family), out var s) ? $"{s.Solved}/{s.Total}" : "–";
            text.AppendLine($"| {group.Key.Suite} | {group.Key.Family} | {group.Count()} | {string.Join(" | ", cells)} | {pool} |");
        }
        return text.ToString();
    }
}
