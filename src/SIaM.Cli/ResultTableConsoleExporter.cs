using SIaM.Core.Runs;
using SIaM.Reporting.Tables;
using Spectre.Console;

namespace SIaM.Cli;

/// <summary>
/// The console rendering of the one <see cref="ResultTable"/> (beside summary.csv, Markdown, HTML and JUnit): its rows
/// as a Spectre table on standard output, suites in bold.
/// </summary>
internal static class ResultTableConsoleExporter
{
    /// <summary>Writes <paramref name="table"/> to the console.</summary>
    public static void Write(ResultTable table)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160; // logs: never wrap the table
        var rendered = new Table().AddColumns(ConsoleLines.Header(table).Select(Markup.Escape).ToArray());
        foreach (var (row, cells) in table.Rows.Zip(ConsoleLines.Cells(table)))
            rendered.AddRow(cells.Select((cell, i) => i == 0 && row.IsSuite ? $"[bold]{Markup.Escape(cell)}[/]" : Markup.Escape(cell)).ToArray());
        AnsiConsole.Write(rendered);
    }

    /// <summary>A finished run: its table, then its status and where its results are.</summary>
    public static void WriteRun(RunResults results, string outDirectory)
    {
        Write(ResultTableBuilder.Of(results));
        var remaining = results.Remaining;
        AnsiConsole.MarkupLine(results.Status == RunStatus.Complete
            ? "status: complete"
            : $"status: [yellow]{results.Status}[/] ({remaining.Missing} missing, {remaining.Failed} failed, {remaining.SandboxFailed} " +
              "sandbox-failed; rerun the same command to redo them)");
        AnsiConsole.MarkupLine($"results: [link]{Markup.Escape(Path.Combine(outDirectory, "results.json"))}[/]");
    }
}
