using System.Net;
using System.Text;
using SIaM.Core.Runs;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary><c>report.html</c>: self-contained (charts inlined as PNG data, no script, no external resource).</summary>
public sealed class HtmlExporter : IExporter
{
    private const string Style =
        "body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}" +
        "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:nth-child(-n+2),th{text-align:left}" +
        ".fail{color:#b00;font-weight:bold}img{max-width:100%;border:1px solid #eee}";

    /// <inheritdoc />
    public string Name => "html";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        AtomicFile.WriteText(Path.Combine(directory, "report.html"), Render(context));
        return ["report.html"];
    }

    /// <summary>The HTML text.</summary>
    public static string Render(ReportContext context)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SIaM report</title>");
        html.Append($"<style>{Style}</style></head><body>\n<h1>SIaM report</h1>\n<table>\n<tr>");
        foreach (var h in SummaryLines.Header(context.Table)) html.Append($"<th>{E(h)}</th>");
        html.Append("</tr>\n");
        foreach (var cells in SummaryLines.Cells(context.Table))
        {
            html.Append("<tr>");
            foreach (var cell in cells) html.Append(cell == "FAIL" ? "<td class=\"fail\">FAIL</td>" : $"<td>{E(cell)}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        foreach (var chart in ReportPlots.For(context))
        {
            var png = Convert.ToBase64String(PlotRenderer.Png(PlotRenderer.Build(chart, context)));
            html.Append($"<h2>{E(chart.Title)}</h2>\n<img id=\"plot-{chart.Name}\" alt=\"{E(chart.Title)}\" width=\"{PlotRenderer.Width}\" height=\"{PlotRenderer.Height}\" src=\"data:image/png;base64,{png}\">\n");
        }
        var flips = SummaryLines.WorstFlips(context).ToList();
        if (flips.Count > 0)
        {
            html.Append("<h2>Worst flips</h2>\n<ul>\n");
            foreach (var (_, anchor, text) in flips) html.Append($"<li><a href=\"diff.md#{anchor}\">{E(text)}</a></li>\n");
            html.Append("</ul>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
