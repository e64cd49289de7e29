using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Renders a chart to PNG bytes and SVG text at a fixed size.</summary>
public static class PlotRenderer
{
    /// <summary>Width in pixels.</summary>
    public const int Width = 960;

    /// <summary>Height in pixels.</summary>
    public const int Height = 540;

    /// <summary>Builds the ScottPlot figure of a chart, with the CJK font when one is installed.</summary>
    public static ScottPlot.Plot Build(IReportPlot chart, ReportContext context)
    {
        var plot = new ScottPlot.Plot();
        chart.Draw(plot, context);
        plot.Title(chart.Title);
        if (CjkFont.EnsureRegistered()) plot.Font.Set(CjkFont.Family);
        return plot;
    }

    /// <summary>PNG bytes.</summary>
    public static byte[] Png(ScottPlot.Plot plot) => plot.GetImage(Width, Height).GetImageBytes(ScottPlot.ImageFormat.Png, 100);

    /// <summary>SVG document text.</summary>
    public static string Svg(ScottPlot.Plot plot) => plot.GetSvgXml(Width, Height);
}
