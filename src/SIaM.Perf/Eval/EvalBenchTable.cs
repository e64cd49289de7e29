using System.Globalization;
using System.Text;

namespace SIaM.Perf.Eval;

/// <summary>The Markdown table of <c>siam bench eval</c>: per capacity, the default options beside a hand-tuned control.</summary>
public static class EvalBenchTable
{
    /// <summary>Renders pairs of rows (default options, then <c>--max-in-flight capacity</c>) with their wall-time ratio.</summary>
    public static string Markdown(IReadOnlyList<(EvalBenchRow Default, EvalBenchRow Tuned)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| capacity | samples | requests | options | wall | utilisation | program time-outs | generate | execute | grade | write | correct |");
        text.AppendLine("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (adaptive, tuned) in rows)
        {
            text.AppendLine(Row(adaptive, "defaults (adaptive)"));
            text.AppendLine(Row(tuned, $"--max-in-flight {tuned.Capacity}"));
        }
        text.AppendLine();
        foreach (var (adaptive, tuned) in rows)
            text.AppendLine(Invariant(
                $"capacity {adaptive.Capacity}: defaults take {adaptive.WallSeconds / tuned.WallSeconds:0.00}× the wall time of the hand-tuned control"));
        return text.ToString();
    }

    private static string Row(EvalBenchRow r, string options) =>
        Invariant($"| {r.Capacity} | {r.Samples} | {r.Requests} | {options} | {r.WallSeconds:0.0} s | {r.Utilisation:0.0%} | {r.ProgramTimeouts} | ") +
        Invariant($"{r.Generate:0%} | {r.Execute:0%} | {r.Grade:0.0%} | {r.Write:0.0%} | {r.Correct}/{r.Samples} |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
