using System.Globalization;
using SIaM.Core.Runs;
using Spectre.Console;

namespace SIaM.Cli;

/// <summary>Prints a run's scores as a table on standard output.</summary>
internal static class ResultsTable
{
    public static void Print(RunResults results, string outDirectory)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160; // logs: never wrap the table
        var ks = results.Benchmarks.Values.SelectMany(b => b.PassAt.Keys).Distinct().OrderBy(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var table = new Table().AddColumns(
            ["benchmark", "n", "graded", "correct", "accuracy", "± stderr", .. ks.Select(k => $"pass@{k}"), .. ks.Select(k => $"maj@{k}"), "missing", "failed", "exec errors"]);
        foreach (var (id, b) in results.Benchmarks)
        {
            var execErrors = b.ExecutionStatus.Where(kv => kv.Key != "ok").Sum(kv => kv.Value);
            table.AddRow([id, Int(b.N), Int(b.Graded), Int(b.Correct), Pct(b.Accuracy), Pct(b.StandardError),
                .. ks.Select(k => b.PassAt.TryGetValue(k, out var p) ? Pct(p) : ""), .. ks.Select(k => b.MajAt.TryGetValue(k, out var m) ? Pct(m) : ""),
                Int(b.Missing), Int(b.Errors + b.SandboxFailures), Int(execErrors)]);
        }
        foreach (var (name, s) in results.Suites)
            table.AddRow([$"[bold]{Markup.Escape(name)}[/]{(s.Complete ? "" : $" ({s.Benchmarks.Count} of suite)")}", "", Int(s.Graded), Int(s.Correct), Pct(s.Accuracy), "",
                .. ks.SelectMany(_ => new[] { "", "" }), "", "", ""]);
        AnsiConsole.Write(table);
        var remaining = results.Remaining;
        AnsiConsole.MarkupLine(results.Status == RunStatus.Complete
            ? "status: complete"
            : $"status: [yellow]{results.Status}[/] ({remaining.Missing} missing, {remaining.Failed} failed, {remaining.SandboxFailed} sandbox-failed; rerun the same command to redo them)");
        AnsiConsole.MarkupLine($"results: [link]{Markup.Escape(Path.Combine(outDirectory, "results.json"))}[/]");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Pct(double value) => (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
