using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>
/// Accuracy per benchmark: one point per run with its 95% Wilson interval, on an axis fitted to the intervals; the
/// baseline's accuracy is a dashed line across each benchmark, and rows the gate failed are drawn in red.
/// </summary>
public sealed class AccuracyBarsPlot : IReportPlot
{
    private static readonly ScottPlot.Color Failed = ScottPlot.Color.FromHex("#CC0000");

    /// <inheritdoc />
    public string Name => "accuracy";

    /// <inheritdoc />
    public string Title => "Accuracy per benchmark (95% CI)";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Table.Rows.Any(r => !r.IsSuite);

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var rows = context.Table.Rows.Where(r => !r.IsSuite).ToList();
        var benchmarks = rows.Select(r => r.Name).Distinct().ToList();
        var runs = context.Table.Runs;
        var width = 0.8 / runs.Count;
        for (var i = 0; i < runs.Count; i++)
        {
            var isBaseline = runs[i] == context.Table.Baseline;
            foreach (var r in rows.Where(r => r.Run == runs[i]))
            {
                var x = benchmarks.IndexOf(r.Name) - 0.4 + width * (i + 0.5);
                var colour = r.Gate?.Failed == true ? Failed : SeriesColors.Of(i);
                var interval = plot.Add.Line(x, 100 * r.Interval.Low, x, 100 * r.Interval.High);
                interval.LineColor = colour;
                interval.LineWidth = 2;
                var point = plot.Add.Marker(x, 100 * r.Accuracy);
                point.Color = colour;
                point.MarkerSize = 10;
                point.MarkerShape = isBaseline ? ScottPlot.MarkerShape.OpenCircle : ScottPlot.MarkerShape.FilledCircle;
                if (!isBaseline) continue;
                var line = plot.Add.Line(benchmarks.IndexOf(r.Name) - 0.45, 100 * r.Accuracy, benchmarks.IndexOf(r.Name) + 0.45, 100 * r.Accuracy);
                line.LineColor = ScottPlot.Colors.Gray;
                line.LinePattern = ScottPlot.LinePattern.Dashed;
                line.LineWidth = 1.5f;
            }
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem
            {
                LabelText = RunLabel.Of(context.Runs[i]).Label + (isBaseline ? " (baseline, dashed)" : ""),
                FillColor = SeriesColors.Of(i),
            });
        }
        if (rows.Any(r => r.Gate?.Failed == true))
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "gate failed", FillColor = Failed });
        BenchmarkAxis.Apply(plot, benchmarks);
        plot.Axes.SetLimitsX(-0.5, benchmarks.Count - 0.5);
        AccuracyAxis.Fit(plot, rows.SelectMany(r => new[] { 100 * r.Interval.Low, 100 * r.Interval.High }));
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    }
}
