using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Renders a chart to PNG bytes and SVG text at a fixed size.</summary>
public static partial class PlotRenderer
{
    /// <summary>Width in pixels.</summary>
    public const int Width = 960;

    /// <summary>Height in pixels.</summary>
    public const int Height = 540;

    /// <summary>Builds the ScottPlot figure of a chart, with the CJK font when one is installed.</summary>
    public static ScottPlot.Plot Build(IReportPlot chart, ReportContext context)
    {
        var cjk = CjkFont.EnsureRegistered();
        var plot = new ScottPlot.Plot();
        chart.Draw(plot, context);
        plot.Title(chart.Title);
        if (!cjk) return plot;
        plot.Font.Set(CjkFont.Family);
        plot.Legend.FontName = CjkFont.Family;
        return plot;
    }

    /// <summary>PNG bytes.</summary>
    public static byte[] Png(ScottPlot.Plot plot) => plot.GetImage(Width, Height).GetImageBytes(ScottPlot.ImageFormat.Png, 100);

    /// <summary>SVG document text; clip-path ids (a process-wide counter in Skia) are renumbered from 1 so the text is reproducible.</summary>
    public static string Svg(ScottPlot.Plot plot)
    {
        var ids = new Dictionary<string, string>();
        return ClipId().Replace(plot.GetSvgXml(Width, Height), m =>
        {
            if (!ids.TryGetValue(m.Value, out var renumbered)) ids[m.Value] = renumbered = $"cl_{ids.Count + 1}";
            return renumbered;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}
