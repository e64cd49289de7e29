using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Share of program runs per execution verdict (ok, error, timeout, memory, …), one bar per run.</summary>
public sealed class ExecutionStatusPlot : IReportPlot
{
    /// <inheritdoc />
    public string Name => "execution";

    /// <inheritdoc />
    public string Title => "Execution status of the programs";

    /// <inheritdoc />
    public bool AppliesTo(ReportContext context) => context.Runs.Any(r => r.Log.Samples.Any(s => s.Executions.Count > 0));

    /// <inheritdoc />
    public void Draw(ScottPlot.Plot plot, ReportContext context)
    {
        var counts = context.Runs.Select(r => r.Log.Samples.SelectMany(s => s.Executions)
            .GroupBy(e => Core.Sandbox.VerdictNames.Name(e.Status)).ToDictionary(g => g.Key, g => g.Count())).ToList();
        var statuses = counts.SelectMany(c => c.Keys).Distinct().OrderBy(s => s == "ok" ? "" : s, StringComparer.Ordinal).ToList();
        var width = 0.8 / counts.Count;
        for (var i = 0; i < counts.Count; i++)
        {
            var total = Math.Max(1, counts[i].Values.Sum());
            plot.Add.Bars(statuses.Select((s, j) => new ScottPlot.Bar
            {
                Position = j - 0.4 + width * (i + 0.5),
                Value = 100.0 * counts[i].GetValueOrDefault(s) / total,
                Size = width * 0.9,
                FillColor = SeriesColors.Of(i),
            }).ToList());
            plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = RunLabel.Of(context.Runs[i]).Label, FillColor = SeriesColors.Of(i) });
        }
        plot.Axes.Bottom.SetTicks(statuses.Select((_, j) => (double)j).ToArray(), statuses.ToArray());
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("share of program runs (%)");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    }
}
