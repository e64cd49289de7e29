using System.Globalization;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Runs;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Plots;

/// <summary>
/// Rule grader vs critic: per benchmark and run, a stacked bar of the 2×2 agreement matrix (shares of the samples both
/// judged) with Cohen's κ written above it. Drawn when at least one run has critic verdicts.
/// </summary>
public sealed class CriticAgreementPlot : IReportPlot
{
    private static readonly (string Label, ScottPlot.Color Color, Func<Agreement, int> Count)[] Cells =
    [
        ("rule right, critic YES", ScottPlot.Color.FromHex("#2ca02c"), a => a.BothCorrect),
        ("rule wrong, critic NO", ScottPlot.Color.FromHex("#7f7f7f"), a => a.BothWrong),
        ("rule right, critic NO", ScottPlot.Color.FromHex("#ff7f0e"), a => a.RuleOnly),
        ("rule wrong, critic YES", ScottPlot.Color.FromHex("#1f77b4"), a => a.CriticOnly),
    ];

    /// <inheritdoc />
    public string Name => "critic-agreement";

    /// <inheritdoc />
    public string Title => "Rule grader vs critic: agreement per benchmark (κ = Cohen's kappa)";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => Judged(context).Count > 0;

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var runs = Judged(context);
        var benchmarks = runs.SelectMany(r => r.Agreement.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var width = 0.8 / runs.Count;
        for (var i = 0; i < runs.Count; i++)
            foreach (var (benchmark, agreement) in runs[i].Agreement)
            {
                var x = benchmarks.IndexOf(benchmark) - 0.4 + width * (i + 0.5);
                var bottom = 0.0;
                foreach (var (_, color, count) in Cells)
                {
                    var share = agreement.Total == 0 ? 0 : 100.0 * count(agreement) / agreement.Total;
                    plot.Add.Bar(new ScottPlot.Bar { Position = x, ValueBase = bottom, Value = bottom + share, Size = width * 0.9, FillColor = color });
                    bottom += share;
                }
                var text = plot.Add.Text(Kappa(agreement, runs.Count > 1 ? runs[i].Label : null), x, 101);
                text.LabelAlignment = ScottPlot.Alignment.LowerCenter;
                text.LabelFontSize = 12;
            }
        foreach (var (label, color, _) in Cells)
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = label, FillColor = color });
        BenchmarkAxis.Apply(plot, benchmarks);
        plot.Axes.SetLimitsY(0, 115);
        plot.YLabel("share of samples judged by both (%)");
        plot.ShowLegend(ScottPlot.Edge.Right);
    }

    private static string Kappa(Agreement agreement, string? run) =>
        (run is null ? "" : run + "\n") + "κ " + (agreement.Kappa?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–") + $" (n={agreement.Total})";

    private sealed record JudgedRun(string Label, IReadOnlyDictionary<string, Agreement> Agreement);

    private static List<JudgedRun> Judged(ReportContext context) =>
        context.Runs.Select(r => (Run: r, Verdicts: CriticVerdicts.Read(r.Log.Path)))
            .Where(x => x.Verdicts is not null)
            .Select(x => new JudgedRun(RunLabel.Of(x.Run).Label, x.Verdicts!.ByBenchmark()))
            .Where(j => j.Agreement.Count > 0)
            .ToList();
}
