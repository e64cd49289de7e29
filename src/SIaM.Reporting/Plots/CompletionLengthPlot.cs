using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Distribution of completion lengths (characters), one histogram outline per run.</summary>
public sealed class CompletionLengthPlot : IReportPlot
{
    private const int Bins = 20;

    /// <inheritdoc />
    public string Name => "completion-length";

    /// <inheritdoc />
    public string Title => "Completion length distribution";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Runs.Any(r => r.Log.Samples.Count > 0);

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var lengths = context.Runs.Select(r => r.Log.Samples.Select(s => s.Completion.Length).ToList()).ToList();
        var max = Math.Max(1, lengths.SelectMany(l => l).DefaultIfEmpty(1).Max());
        var binWidth = Math.Max(1, (int)Math.Ceiling((max + 1) / (double)Bins));
        for (var i = 0; i < lengths.Count; i++)
        {
            var counts = new double[Bins];
            foreach (var length in lengths[i]) counts[Math.Min(Bins - 1, length / binWidth)]++;
            var total = Math.Max(1, lengths[i].Count);
            var scatter = plot.Add.Scatter(
                Enumerable.Range(0, Bins).Select(b => (b + 0.5) * binWidth).ToArray(),
                counts.Select(c => 100 * c / total).ToArray());
            scatter.LegendText = RunLabel.Of(context.Runs[i]).Label;
            scatter.Color = SeriesColors.Of(i);
            scatter.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
        }
        plot.XLabel("completion length (characters)");
        plot.YLabel("share of samples (%)");
        plot.Axes.SetLimitsX(0, binWidth * Bins);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    }
}
