using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>
/// Accuracy of en-id, en-ood, zh-id, zh-ood and overall across checkpoints (x = step, or run order), on an axis fitted
/// to the values; a suite the gate failed at the compared checkpoint is circled in red.
/// </summary>
public sealed class SuiteTrendPlot : IReportPlot
{
    /// <summary>The suites drawn, when a run has them.</summary>
    public static readonly string[] Suites = ["en-id", "en-ood", "zh-id", "zh-ood"];

    /// <inheritdoc />
    public string Name => "trend";

    /// <inheritdoc />
    public string Title => "Accuracy over checkpoints";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Runs.Count > 0;

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var labels = context.Runs.Select(RunLabel.Of).ToList();
        var xs = labels.All(l => l.Step is not null) ? labels.Select(l => l.Step!.Value).ToArray() : labels.Select((_, i) => (double)i).ToArray();
        var series = 0;
        var drawn = new List<double?>();
        foreach (var suite in Suites)
        {
            var ys = context.Runs.Select(r => r.Log.Results?.Suites.GetValueOrDefault(suite)?.Accuracy).ToList();
            if (ys.All(y => y is null)) { series++; continue; }
            AddLine(plot, suite, xs, ys, series++);
            drawn.AddRange(ys);
            MarkFailed(plot, context, suite, xs, ys);
        }
        var overall = context.Runs.Select(r => r.Log.Results is { } res && res.Benchmarks.Values.Sum(b => b.Graded) is var g and > 0
            ? res.Benchmarks.Values.Sum(b => b.Correct) / (double)g : (double?)null).ToList();
        AddLine(plot, "overall", xs, overall, series);
        drawn.AddRange(overall);
        plot.Axes.Bottom.SetTicks(xs, labels.Select(l => l.Label).ToArray());
        AccuracyAxis.Fit(plot, drawn.OfType<double>().Select(y => 100 * y));
        plot.XLabel(labels.All(l => l.Step is not null) ? "step" : "checkpoint");
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
    }

    private static void MarkFailed(ScottPlot.Plot plot, ReportContext context, string suite, double[] xs, IReadOnlyList<double?> ys)
    {
        if (context.Comparison is not { } comparison || context.Verdicts is not { } verdicts) return;
        if (!verdicts.Any(v => v.Failed && v.Row.IsSuite && v.Row.Name == suite)) return;
        var at = context.Runs.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Name == comparison.CandidateName);
        if (at.r is null || ys[at.i] is not { } y) return;
        var ring = plot.Add.Marker(xs[at.i], 100 * y);
        ring.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        ring.MarkerSize = 18;
        ring.Color = ScottPlot.Color.FromHex("#CC0000");
        ring.LegendText = $"{suite}: gate failed";
    }

    private static void AddLine(ScottPlot.Plot plot, string name, double[] xs, IReadOnlyList<double?> ys, int series)
    {
        var points = xs.Zip(ys).Where(p => p.Second is not null).ToList();
        var scatter = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => 100 * p.Second!.Value).ToArray());
        scatter.LegendText = name;
        scatter.Color = SeriesColors.Of(series);
        scatter.LineWidth = name == "overall" ? 3 : 1.5f;
        scatter.MarkerSize = 7;
    }
}
