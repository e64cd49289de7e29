namespace SIaM.Reporting.Plots;

/// <summary>A y axis in percent fitted to the values drawn (with a margin), not 0–100, so 84.2 against 80.5 is visible.</summary>
internal static class AccuracyAxis
{
    /// <summary>Sets the y limits around <paramref name="percents"/>, kept within 0–100; the full range when there is nothing.</summary>
    public static void Fit(ScottPlot.Plot plot, IEnumerable<double> percents)
    {
        var values = percents.Where(double.IsFinite).ToList();
        if (values.Count == 0) { plot.Axes.SetLimitsY(0, 100); return; }
        var (low, high) = (values.Min(), values.Max());
        var margin = Math.Max(2, 0.1 * (high - low));
        plot.Axes.SetLimitsY(Math.Max(0, low - margin), Math.Min(100, high + margin));
    }
}
