using System.Globalization;
using System.Text;

namespace SIaM.SelfImprovement;

/// <summary>
/// The demo's per-family view of <c>iterations.json</c>: greedy accuracy of every iteration per (suite, family), the
/// pool questions of the family that at least one of the k samples solved in iteration 1 (what the loop could learn
/// from), and a line on where the policy started on the new families, with a warning for each that starts at zero.
/// </summary>
public static class FamilyTable
{
    /// <summary>Markdown table and the start lines; empty when the rows carry no families.</summary>
    public static string Render(IReadOnlyList<IterationSummary> rows)
    {
        if (rows.Count == 0 || rows[0].Families is not { } first) return "";
        var text = new StringBuilder();
        text.AppendLine("| suite | family | n | " + string.Join(" | ", rows.Select(r => $"iter {r.Iteration}")) + " | pool solved by k samples (iter 1) |");
        text.AppendLine("|---|---|---|" + string.Concat(rows.Select(_ => "---|")) + "---|");
        foreach (var f in first.OrderBy(f => f.Language, StringComparer.Ordinal).ThenBy(f => f.New))
        {
            FamilyScore? At(IterationSummary r) => r.Families?.FirstOrDefault(g => g.Family == f.Family && g.Language == f.Language);
            var cells = rows.Select(r => At(r) is { EvalN: > 0 } g
                ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * g.EvalCorrect / g.EvalN:F1} %")
                : "–");
            var pool = rows.Count > 1 && At(rows[1]) is { PoolQuestions: { } total, PoolSolved: { } solved } ? $"{solved}/{total}" : "–";
            text.AppendLine($"| {f.Language}-{f.Tier} | {f.Family} | {f.EvalN} | {string.Join(" | ", cells)} | {pool} |");
        }
        if (rows.Count > 1 && rows[1].Start is { Count: > 0 } start)
        {
            text.AppendLine();
            text.AppendLine("start on the new families (pool questions solved by k samples in iteration 1; greedy at iteration 0): " +
                string.Join(", ", start.Select(s => $"{s.Family}-{s.Language} {s.PoolSolved}/{s.PoolQuestions} ({s.GreedyCorrect}/{s.GreedyN})")));
            foreach (var s in start.Where(s => s.AtZero)) text.AppendLine(s.Warning());
        }
        return text.ToString();
    }
}
