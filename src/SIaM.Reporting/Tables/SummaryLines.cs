using SIaM.Reporting.Comparing;
using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Tables;

/// <summary>The human-readable summary (header and cells) shared by report.md, report.html and the console.</summary>
public static class SummaryLines
{
    /// <summary>How many of the worst flips a report lists.</summary>
    public const int WorstFlipsListed = 10;

    /// <summary>Column titles; the comparison columns only when a baseline is given.</summary>
    public static IReadOnlyList<string> Header(ResultTable table) =>
        table.Baseline is null
            ? ["run", "benchmark", "n", "graded", "accuracy %", "95% CI", "pass@k %"]
            : ["run", "benchmark", "n", "graded", "accuracy %", "95% CI", "pass@k %", "Δ vs baseline (pts)", "Δ 95% CI", "p", "adj. p", "flips ↓/↑", "gate"];

    /// <summary>One line of cells per row.</summary>
    public static IEnumerable<IReadOnlyList<string>> Cells(ResultTable table) => table.Rows.Select(r =>
    {
        List<string> cells =
        [
            r.Run, r.IsSuite ? $"{r.Name} (suite)" : r.Name, Format.Int(r.N), Format.Int(r.Graded), Format.Pct(r.Accuracy),
            $"[{Format.Pct(r.Interval.Low)}, {Format.Pct(r.Interval.High)}]", r.PassAtK is { } p ? Format.Pct(p) : "",
        ];
        if (table.Baseline is not null)
        {
            var c = r.VsBaseline;
            cells.AddRange(c is null
                ? ["", "", "", "", "", ""]
                : [Format.Points(c.Delta), $"[{Format.Points(c.DeltaInterval.Low)}, {Format.Points(c.DeltaInterval.High)}]", Format.P(c.PValue),
                   r.Gate is null ? "" : Format.P(r.Gate.AdjustedPValue), $"{c.CorrectToWrong}/{c.WrongToCorrect}", r.Gate?.Status ?? ""]);
        }
        return (IReadOnlyList<string>)cells;
    });

    /// <summary>The worst flips of the comparison (correct → wrong first), with their diff.md anchors.</summary>
    public static IEnumerable<(Flip Flip, string Anchor, string Text)> WorstFlips(ReportContext context) =>
        (context.Comparison?.Flips ?? []).Where(f => f.Kind != FlipKind.ChangedOutput).Take(WorstFlipsListed).Select(f =>
            (f, FlipAnchor.Of(f), $"{f.Benchmark} / {f.Id} #{f.Sample}: {DiffExporter.Title(f.Kind)} (reference {f.Pair.Base.Reference}; " +
                                  $"base {f.Pair.Base.Extracted ?? "(none)"}, candidate {f.Pair.Candidate.Extracted ?? "(none)"})"));
}
