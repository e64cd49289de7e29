using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Snapshots;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam compare BASE CAND [--out DIR] [--max-drop PTS] [--alpha A] [--gate FILE.yaml]</c>: pairs the samples of two
/// runs or snapshots, writes the flips and the gate's junit.xml, and exits 1 when a drop is larger than PTS and significant.
/// </summary>
internal static class CompareCommand
{
    private static readonly Argument<string> Base = new("BASE") { Description = "Base run directory or snapshot name" };
    private static readonly Argument<string> Candidate = new("CAND") { Description = "Candidate run directory or snapshot name" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "reports/compare" };
    private static readonly Option<double> MaxDrop = new("--max-drop") { Description = "Largest tolerated drop in accuracy points", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<double> Alpha = new("--alpha") { Description = "Significance level of the McNemar test and the bootstrap interval", DefaultValueFactory = _ => 0.05 };
    private static readonly Option<string?> Gate = new("--gate") { Description = "YAML file of per-benchmark / per-suite thresholds" };
    private static readonly Option<int> Seed = new("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => 20240601 };

    /// <summary>The files compare writes, by exporter.</summary>
    public static readonly string[] Exporters = ["csv", "json", "markdown", "diff", "junit"];

    public static Command Create()
    {
        var command = new Command("compare", "Compare two runs or snapshots: flips with diffs, paired statistics, regression gate (exit 1 on a significant drop)");
        command.Arguments.Add(Base);
        command.Arguments.Add(Candidate);
        foreach (var option in new Option[] { Out, MaxDrop, Alpha, Gate, Seed, SnapshotCommand.Root }) command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult result)
    {
        var alpha = result.GetValue(Alpha);
        var maxDrop = result.GetValue(MaxDrop);
        Preflight.ThrowIfInvalid(
        [
            NumberRangeValidator.SignificanceLevel("--alpha", alpha),
            NumberRangeValidator.NonNegative("--max-drop", maxDrop, "a drop in accuracy points"),
        ]);
        // The gate file is read before any run is loaded: a bad key or value ends the command at once.
        var fallback = new GateThreshold(maxDrop, alpha);
        var policy = result.GetValue(Gate) is { } file ? GateFile.Read(file, fallback) : GatePolicy.Uniform(fallback);
        var store = new SnapshotStore(result.GetValue(SnapshotCommand.Root)!);
        var baseRun = RunSource.Load(result.GetValue(Base)!, store);
        var candidate = RunSource.Load(result.GetValue(Candidate)!, store);
        if (baseRun.Name == candidate.Name) candidate = candidate with { Name = candidate.Name + " (candidate)" };
        var context = ReportBuilder.Build([candidate], baseRun, policy, alpha, result.GetValue(Seed));
        var outDirectory = result.GetValue(Out)!;
        ReportBuilder.Write(context, outDirectory, Exporters);
        foreach (var verdict in context.Verdicts ?? []) Console.WriteLine(verdict.Explanation);
        var comparison = context.Comparison!;
        Console.WriteLine($"pairs: {comparison.Benchmarks.Sum(b => b.Pairs)}, flips: {comparison.Flips.Count}, not comparable: {comparison.NotComparable.Count}");
        Console.WriteLine($"written: {Path.Combine(outDirectory, "diff.md")}, {Path.Combine(outDirectory, "junit.xml")}");
        var failed = (context.Verdicts ?? []).Count(v => v.Failed);
        if (failed > 0) Console.Error.WriteLine($"gate: FAIL ({failed} regression(s))");
        return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
