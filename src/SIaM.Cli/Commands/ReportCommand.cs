using System.CommandLine;
using SIaM.Core;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Snapshots;

namespace SIaM.Cli.Commands;

/// <summary><c>siam report RUN_DIR|SNAPSHOT… [--out DIR] [--baseline X] [--max-drop PTS] [--gate FILE.yaml]</c>: plots, report.md and a self-contained
/// report.html.</summary>
internal static class ReportCommand
{
    private static readonly Argument<string[]> Runs = new("RUNS")
    {
        Description = "Run directories or snapshot names, in checkpoint order",
        Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "reports/report" };
    private static readonly Option<string?> Baseline = new("--baseline") { Description = "Run or snapshot the others are compared with" };
    private static readonly Option<int> Seed = new("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => 20240601 };

    /// <summary>The files report writes, by exporter (diff and junit only with a baseline).</summary>
    public static readonly string[] Exporters = ["csv", "json", "plots", "markdown", "html", "diff"];

    public static Command Create()
    {
        var command = new Command("report", "Report on runs or snapshots: plots (PNG+SVG), report.md, report.html, summary.csv");
        command.Arguments.Add(Runs);
        Option[] options = [Out, Baseline, GateOptions.MaxDrop, GateOptions.Alpha, GateOptions.Gate, Seed, SnapshotCommand.Root];
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(result =>
        {
            var policy = GateOptions.Policy(result); // checked (and the gate file read) before any run is loaded
            var store = new SnapshotStore(result.GetValue(SnapshotCommand.Root)!);
            var runs = RunSource.LoadAll(result.GetValue(Runs)!, store);
            var baseline = result.GetValue(Baseline) is { } b ? RunSource.Load(b, store) : null;
            // with a baseline the gate judges the last run, as compare does
            var context = ReportBuilder.Build(runs, baseline, policy, result.GetValue(GateOptions.Alpha), result.GetValue(Seed));
            context = context with { Questions = RunQuestions.Load(context.Runs.Select(r => r.Log), null, Console.Error.WriteLine) };
            var outDirectory = result.GetValue(Out)!;
            var files = ReportBuilder.Write(context, outDirectory, Exporters);
            Console.WriteLine($"report: {Path.Combine(outDirectory, "report.html")} ({files.Count} files)");
            return ExitCodes.Success;
        });
        return command;
    }
}
