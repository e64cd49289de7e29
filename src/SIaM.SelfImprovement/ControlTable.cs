using System.Globalization;
using System.Text;

namespace SIaM.SelfImprovement;

/// <summary>The console / Markdown table of the loop against its control arm, per iteration and suite.</summary>
public static class ControlTable
{
    /// <summary>
    /// One row per iteration from 1 and suite: greedy accuracy of the loop and of the control (k = 0, same steps), the
    /// gain in points, the discordant questions each way and the exact McNemar p-value.
    /// </summary>
    public static string Render(IReadOnlyList<IterationSummary> rows, IReadOnlyList<string> suites)
    {
        var text = new StringBuilder();
        text.AppendLine("| iter | suite | n | loop | control | loop − control | loop only | control only | McNemar p |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows.Where(r => r.Gain is not null))
            foreach (var suite in suites.Where(s => r.Gain!.ContainsKey(s)))
            {
                var g = r.Gain![suite];
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Iteration} | {suite} | {g.N} | {100.0 * g.Loop / g.N:F1} | {100.0 * g.Control / g.N:F1} | {g.Points:+0.0;−0.0;0.0} | ") +
                    string.Create(CultureInfo.InvariantCulture, $"{g.LoopOnly} | {g.ControlOnly} | {g.PValue:0.0000} |"));
            }
        return text.ToString();
    }
}
