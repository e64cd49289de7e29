using SIaM.Core.Runs;
using SIaM.Reporting.Plots;

namespace SIaM.Reporting.Exporters;

/// <summary><c>plots/NAME.png</c> and <c>plots/NAME.svg</c> for every chart that applies.</summary>
public sealed class PlotExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "plots";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        var folder = Path.Combine(directory, "plots");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var chart in ReportPlots.For(context))
        {
            var plot = PlotRenderer.Build(chart, context);
            AtomicFile.Write(Path.Combine(folder, chart.Name + ".png"), s => s.Write(PlotRenderer.Png(plot)));
            AtomicFile.WriteText(Path.Combine(folder, chart.Name + ".svg"), PlotRenderer.Svg(plot));
            written.Add($"plots/{chart.Name}.png");
            written.Add($"plots/{chart.Name}.svg");
        }
        return written;
    }
}
