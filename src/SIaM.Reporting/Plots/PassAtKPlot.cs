using SIaM.Core.Scoring;
using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>pass@k for k = 1…n (unbiased estimator), one line per run and benchmark, when runs drew n &gt; 1 samples.</summary>
public sealed class PassAtKPlot : IReportPlot
{
    /// <inheritdoc />
    public string Name => "pass-at-k";

    /// <inheritdoc />
    public string Title => "pass@k";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Runs.Any(r => r.Log.Samples.Any(s => s.Sample > 0));

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var series = 0;
        foreach (var run in context.Runs)
            foreach (var benchmark in run.Log.Samples.GroupBy(s => s.Benchmark).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var problems = benchmark.GroupBy(s => s.Id).Select(g => (N: g.Count(), C: g.Count(s => s.Correct == true))).ToList();
                var n = problems.Min(p => p.N);
                if (n < 2) continue;
                var ks = Enumerable.Range(1, n).ToArray();
                var scatter = plot.Add.Scatter(ks.Select(k => (double)k).ToArray(),
                    ks.Select(k => 100 * problems.Average(p => PassAtK.Estimate(p.N, p.C, k))).ToArray());
                scatter.LegendText = $"{RunLabel.Of(run).Label} · {benchmark.Key}";
                scatter.Color = SeriesColors.Of(series++);
            }
        plot.XLabel("k");
        plot.YLabel("pass@k (%)");
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
    }
}
