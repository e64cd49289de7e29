namespace SIaM.Reporting.Plots;

/// <summary>The colour of the i-th series in every chart (Category10).</summary>
internal static class SeriesColors
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static ScottPlot.Color Of(int index) => Palette.GetColor(index);
}
