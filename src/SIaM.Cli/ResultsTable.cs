using SIaM.Core.Runs;
using SIaM.Reporting.Tables;
using Spectre.Console;

namespace SIaM.Cli;

/// <summary>Prints a run's scores on standard output: the console rendering of the run's result table.</summary>
internal static class ResultsTable
{
    public static void Print(RunResults results, string outDirectory)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160; // logs: never wrap the table
        var model = ResultTableBuilder.Of(results);
        var table = new Table().AddColumns(ConsoleLines.Header(model).Select(Markup.Escape).ToArray());
        foreach (var (row, cells) in model.Rows.Zip(ConsoleLines.Cells(model)))
            table.AddRow(cells.Select((cell, i) => i == 0 && row.IsSuite ? $"[bold]{Markup.Escape(cell)}[/]" : Markup.Escape(cell)).ToArray());
        AnsiConsole.Write(table);
        var remaining = results.Remaining;
        AnsiConsole.MarkupLine(results.Status == RunStatus.Complete
            ? "status: complete"
            : $"status: [yellow]{results.Status}[/] ({remaining.Missing} missing, {remaining.Failed} failed, {remaining.SandboxFailed} sandbox-failed; rerun the same command to redo them)");
        AnsiConsole.MarkupLine($"results: [link]{Markup.Escape(Path.Combine(outDirectory, "results.json"))}[/]");
    }
}
