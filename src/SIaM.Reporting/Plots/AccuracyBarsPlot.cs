using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Accuracy per benchmark, one bar per run, with the 95% Wilson interval as error bars.</summary>
public sealed class AccuracyBarsPlot : IReportPlot
{
    /// <inheritdoc />
    public string Name => "accuracy";

    /// <inheritdoc />
    public string Title => "Accuracy per benchmark (95% CI)";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Table.Rows.Any(r => !r.IsSuite);

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var benchmarks = context.Table.Rows.Where(r => !r.IsSuite).Select(r => r.Name).Distinct().ToList();
        var runs = context.Table.Runs;
        var width = 0.8 / runs.Count;
        for (var i = 0; i < runs.Count; i++)
        {
            var bars = context.Table.Rows.Where(r => !r.IsSuite && r.Run == runs[i]).Select(r => new ScottPlot.Bar
            {
                Position = benchmarks.IndexOf(r.Name) - 0.4 + width * (i + 0.5),
                Value = 100 * r.Accuracy,
                Error = 0,
                Size = width * 0.9,
                FillColor = SeriesColors.Of(i),
            }).ToList();
            plot.Add.Bars(bars);
            foreach (var r in context.Table.Rows.Where(r => !r.IsSuite && r.Run == runs[i]))
            {
                var x = benchmarks.IndexOf(r.Name) - 0.4 + width * (i + 0.5);
                var line = plot.Add.Line(x, 100 * r.Interval.Low, x, 100 * r.Interval.High);
                line.LineColor = ScottPlot.Colors.Black;
                line.LineWidth = 1.5f;
            }
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = RunLabelText(context, i), FillColor = SeriesColors.Of(i) });
        }
        BenchmarkAxis.Apply(plot, benchmarks);
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    }

    private static string RunLabelText(ReportContext context, int i) => RunLabel.Of(context.Runs[i]).Label;
}
