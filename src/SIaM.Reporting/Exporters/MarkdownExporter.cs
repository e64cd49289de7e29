using System.Text;
using SIaM.Core.Runs;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary><c>report.md</c>: the summary table, the charts (from <c>plots/</c>) and links to the worst flips in <c>diff.md</c>.</summary>
public sealed class MarkdownExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "markdown";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        AtomicFile.WriteText(Path.Combine(directory, "report.md"), Render(context));
        return ["report.md"];
    }

    /// <summary>The Markdown text.</summary>
    public static string Render(ReportContext context)
    {
        var md = new StringBuilder("# SIaM report\n\n");
        foreach (var run in context.Runs)
        {
            var label = RunLabel.Of(run);
            md.Append($"- `{run.Name}`: run {run.Log.Results?.RunId ?? "?"}, label {label.Label}{(label.Step is { } s ? $", step {s}" : "")}" +
                      $"{(run.Name == context.Table.Baseline ? " (baseline)" : "")}\n");
        }
        if (GateSummary.Headline(context.Verdicts) is { } headline)
        {
            md.Append($"\n## Gate: {headline}\n\n");
            foreach (var line in GateSummary.Failures(context.Verdicts)) md.Append($"- {line}\n");
            var weak = GateSummary.UnderPowered(context.Verdicts).ToList();
            if (weak.Count > 0)
                md.Append("\nUnder-powered (a drop just above the floor is not reliably found):\n\n").AppendJoin("", weak.Select(w => $"- {w}\n"));
        }
        md.Append("\n## Summary\n\n");
        var header = SummaryLines.Header(context.Table);
        md.Append("| ").AppendJoin(" | ", header).Append(" |\n|").AppendJoin("|", header.Select((_, i) => i < 2 ? "---" : "---:")).Append("|\n");
        foreach (var cells in SummaryLines.Cells(context.Table)) md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        if (context.Comparison is { } comparison)
            md.Append($"\nPaired only where problem, reference and prompt agree; not comparable: {comparison.NotComparable.Count}. " +
                      $"Δ interval: paired bootstrap over problems; p: exact McNemar on the sample flips (one sample per problem) or a paired " +
                      $"sign-flip test over problems (several); adj. p: adjusted for the gate's family of rows.\n");
        var charts = ReportPlots.For(context);
        if (charts.Count > 0)
        {
            md.Append("\n## Plots\n");
            foreach (var chart in charts) md.Append($"\n### {chart.Title}\n\n![{chart.Title}](plots/{chart.Name}.png)\n");
        }
        var flips = SummaryLines.WorstFlips(context).ToList();
        if (flips.Count > 0)
        {
            md.Append("\n## Worst flips\n\n");
            foreach (var (_, anchor, text) in flips) md.Append($"- [{text}](diff.md#{anchor})\n");
        }
        return md.ToString();
    }
}
