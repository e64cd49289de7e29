namespace SIaM.Reporting.Plots;

/// <summary>The x axis of the per-benchmark plots: one tick per benchmark, names slanted when there are many.</summary>
internal static class BenchmarkAxis
{
    public static void Apply(ScottPlot.Plot plot, IReadOnlyList<string> benchmarks)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, benchmarks.Count).Select(i => (double)i).ToArray(), benchmarks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = benchmarks.Count > 6 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = benchmarks.Count > 6 ? ScottPlot.Alignment.MiddleLeft : ScottPlot.Alignment.UpperCenter;
    }
}
