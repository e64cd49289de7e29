using System.Net;
using System.Text;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Tables;
using SIaM.Reporting.Viewer;

namespace SIaM.Reporting.Exporters;

/// <summary>
/// <c>report.html</c>: one self-contained viewer (no server, no external resource). The verdict banner, the table and
/// the plots are plain HTML, shown before any script runs; the flips, the questions and each run's samples are JSON
/// blocks at the end of the page (gzip, base64) that its script decompresses and parses only when they are first opened.
/// </summary>
public sealed class HtmlExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "html";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        AtomicFile.WriteText(Path.Combine(directory, "report.html"), Render(context));
        return ["report.html"];
    }

    /// <summary>The HTML text.</summary>
    public static string Render(ReportContext context) => Render(context, ViewerData.Of(context), includePlots: true);

    /// <summary>The HTML text of <paramref name="data"/>; without plots for pages that only test the viewer.</summary>
    public static string Render(ReportContext context, ViewerData data, bool includePlots)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width\"><title>SIaM report</title>\n");
        html.Append("<style>").Append(ViewerAssets.Css).Append("</style></head><body>\n");
        AppendBanner(html, context);
        html.Append("<nav><a href=\"#summary\">Summary</a>");
        if (context.Comparison is not null) html.Append(" · <a href=\"#flips\">Flips</a>");
        html.Append(" · <a href=\"#samples\">Samples</a>");
        if (includePlots) html.Append(" · <a href=\"#plots\">Plots</a>");
        if (context.Comparison is not null) html.Append(" · <a href=\"diff.md\">diff.md</a>");
        html.Append("</nav>\n<section id=\"summary\"><h2>Summary</h2>\n");
        AppendRuns(html, context);
        AppendTable(html, context, data);
        html.Append("</section>\n");
        if (context.Comparison is not null)
            html.Append("<section id=\"flips\" hidden><h2>Flips</h2><div class=\"toolbar\" id=\"flip-tools\"></div>")
                .Append("<div class=\"split\"><ol id=\"flip-list\"></ol><article id=\"flip-detail\"></article></div></section>\n");
        html.Append("<section id=\"samples\" hidden><h2>Samples</h2><div class=\"toolbar\" id=\"sample-tools\"></div>")
            .Append("<div class=\"split\"><ol id=\"sample-list\"></ol><article id=\"sample-detail\"></article></div></section>\n");
        if (includePlots) AppendPlots(html, context);
        html.Append("<p class=\"foot\">Keys: j / k next and previous, / search. Runs, flips and samples are embedded in this file.</p>\n");
        foreach (var (id, json) in data.Blocks())
            if (id == ViewerData.IndexBlock) html.Append($"<script type=\"application/json\" id=\"{id}\">").Append(json).Append("</script>\n");
            else html.Append($"<script type=\"application/octet-stream\" data-encoding=\"gzip-base64\" id=\"{id}\">")
                .Append(ViewerJson.Gzip(json))
                .Append("</script>\n");
        html.Append("<script>").Append(ViewerAssets.Script).Append("</script>\n");
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendBanner(StringBuilder html, ReportContext context)
    {
        var verdicts = context.Verdicts;
        if (verdicts is null)
        {
            html.Append("<header id=\"verdict\" class=\"banner none\"><strong>No gate</strong> — ")
                .Append(context.Comparison is null ? "no baseline was given." : "no gate applied to this comparison.").Append("</header>\n");
            return;
        }
        var failed = verdicts.Where(v => v.Failed).ToList();
        var comparison = context.Comparison!;
        html.Append($"<header id=\"verdict\" class=\"banner {(failed.Count > 0 ? "fail" : "pass")}\">" +
                $"<strong>{(failed.Count > 0 ? "REGRESSION" : "PASS")}</strong> ")
            .Append(E($"{comparison.CandidateName} vs {comparison.BaseName}: "))
            .Append(failed.Count > 0 ? $"{failed.Count} failing row(s) of {verdicts.Count}" : $"all {verdicts.Count} rows pass");
        if (failed.Count > 0)
        {
            html.Append("<ul>");
            foreach (var verdict in failed)
            {
                html.Append($"<li><a href=\"#flips?{(verdict.Row.IsSuite ? "suite" : "bench")}={Uri.EscapeDataString(verdict.Row.Name)}" +
                        "&amp;kind=correct_to_wrong\">")
                    .Append(E(verdict.Row.Name + (verdict.Row.IsSuite ? " (suite)" : ""))).Append("</a>: ");
                html.AppendJoin(" · ", GateView.Fields(verdict).Skip(1).Select(f => $"<span class=\"field\">{E(f.Label)} <b>{E(f.Value)}</b></span>"));
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("</header>\n");
    }

    private static void AppendRuns(StringBuilder html, ReportContext context)
    {
        html.Append("<ul class=\"runs\">");
        for (var i = 0; i < context.Runs.Count; i++)
        {
            var run = context.Runs[i];
            var label = RunLabel.Of(run);
            html.Append($"<li><code>{E(run.Name)}</code> label {E(label.Label)}{(label.Step is { } s ? $", step {s}" : "")}")
                .Append(run.Name == context.Table.Baseline ? " <em>(baseline)</em>" : "")
                .Append($" — <a href=\"#samples?run={i}\">{run.Log.Samples.Count} samples</a></li>");
        }
        html.Append("</ul>\n");
    }

    private static void AppendTable(StringBuilder html, ReportContext context, ViewerData data)
    {
        var table = context.Table;
        html.Append("<table id=\"results\">\n<thead><tr>");
        foreach (var h in SummaryLines.Header(table)) html.Append($"<th>{E(h)}</th>");
        html.Append("<th>view</th></tr></thead>\n<tbody>\n");
        var cells = SummaryLines.Cells(table).ToList();
        var comparison = context.Comparison;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var runIndex = context.Runs.Select((x, i) => (x, i)).First(x => x.x.Name == row.Run).i;
            var compared = comparison is not null && row.VsBaseline is not null && row.Run == comparison.CandidateName;
            var regression = row.Gate?.Failed == true;
            var classes = regression ? "regression" : row.Gate is not null ? "passed" : row.VsBaseline is { Delta: < 0 } ? "down" : "";
            var filter = $"{(row.IsSuite ? "suite" : "bench")}={Uri.EscapeDataString(row.Name)}";
            html.Append($"<tr class=\"{classes}\" data-run=\"{runIndex}\" data-name=\"{E(row.Name)}\" data-suite=\"{(row.IsSuite ? 1 : 0)}\"");
            if (compared) html.Append($" data-flips=\"#flips?{filter}\"");
            if (row.Gate is { } gate)
                html.Append(" title=\"").Append(E(string.Join("; ", GateView.Fields(gate).Select(f => $"{f.Label}: {f.Value}")))).Append('"');
            html.Append('>');
            foreach (var cell in cells[r])
                html.Append(cell switch
                {
                    "FAIL" => "<td class=\"gate fail\">FAIL</td>",
                    "pass" => "<td class=\"gate pass\">pass</td>",
                    _ => $"<td>{E(cell)}</td>",
                });
            html.Append("<td class=\"links\">");
            if (compared)
            {
                var members = row.IsSuite ? context.Suites.GetValueOrDefault(row.Name) ?? [] : [row.Name];
                var count = comparison!.Flips.Count(f => members.Contains(f.Benchmark));
                html.Append($"<a href=\"#flips?{filter}\">{count} flips</a> · ");
            }
            html.Append($"<a href=\"#samples?run={runIndex}&amp;{filter}\">samples</a></td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        if (comparison is not null)
            html.Append($"<p class=\"note\">Paired only where problem, reference and prompt agree; not comparable: {data.Index.NotComparable}. ")
                .Append("Δ interval: paired bootstrap over problems; p: exact McNemar on the sample flips. Click a compared row for its flips.</p>\n");
    }

    private static void AppendPlots(StringBuilder html, ReportContext context)
    {
        html.Append("<section id=\"plots\"><h2>Plots</h2>\n");
        foreach (var chart in ReportPlots.For(context))
        {
            var png = Convert.ToBase64String(PlotRenderer.Png(PlotRenderer.Build(chart, context)));
            html.Append($"<h3>{E(chart.Title)}</h3>\n<img id=\"plot-{chart.Name}\" alt=\"{E(chart.Title)}\" " +
                        $"width=\"{PlotRenderer.Width}\" height=\"{PlotRenderer.Height}\" " +
                        $"loading=\"lazy\" src=\"data:image/png;base64,{png}\">\n");
        }
        html.Append("</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
