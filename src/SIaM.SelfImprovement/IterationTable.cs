using System.Globalization;
using System.Text;

namespace SIaM.SelfImprovement;

/// <summary>The console / Markdown table of iterations.json.</summary>
public static class IterationTable
{
    /// <summary>One row per iteration: loss, accuracy ± stderr per suite, mean response tokens, data counts per stage.</summary>
    public static string Render(IReadOnlyList<IterationSummary> rows, IReadOnlyList<string> suites)
    {
        var text = new StringBuilder();
        text.AppendLine("| iter | algo | train loss | " + string.Join(" | ", suites) + " | mean tokens | samples | ran ok | accepted | sft | pairs |");
        text.AppendLine("|---|---|---|" + string.Concat(suites.Select(_ => "---|")) + "---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            string Score(string suite) => r.Accuracy.TryGetValue(suite, out var s)
                ? string.Create(CultureInfo.InvariantCulture, $"{100 * s.Accuracy:F1} ± {100 * s.StdErr:F1}") : "–";
            var accepted = r.Counts is null ? "–" : string.Join(" / ", r.Counts.Accepted.Select(a => $"{a.Key} {a.Value}"));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Iteration} | {(r.Iteration == 0 ? "start" : r.Algorithm)} | " +
                $"{(r.TrainLoss is { } l ? l.ToString("F3", CultureInfo.InvariantCulture) : "–")} | " +
                $"{string.Join(" | ", suites.Select(Score))} | {r.MeanResponseTokens:F1} | " +
                $"{r.Counts?.Samples.ToString(CultureInfo.InvariantCulture) ?? "–"} | " +
                $"{r.Counts?.RanOk.ToString(CultureInfo.InvariantCulture) ?? "–"} | {accepted} | " +
                $"{r.Counts?.Sft.ToString(CultureInfo.InvariantCulture) ?? "–"} | " +
                $"{r.Counts?.Pairs.ToString(CultureInfo.InvariantCulture) ?? "–"} |"));
        }
        return text.ToString();
    }
}
