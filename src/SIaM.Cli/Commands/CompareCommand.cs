using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Snapshots;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam compare BASE CAND [--out DIR] [--max-drop PTS] [--alpha A] [--gate FILE.yaml] [--plan]</c>: pairs the samples
/// of two runs or snapshots, writes the flips and the gate's junit.xml, and exits 1 when a drop is larger than PTS and
/// significant after the family-wise adjustment. <c>--trend RUN…</c> instead fits the trend over checkpoints.
/// </summary>
internal static class CompareCommand
{
    private static readonly Argument<string?> Base = new("BASE") { Description = "Base run directory or snapshot name", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string?> Candidate = new("CAND")
    {
        Description = "Candidate run directory or snapshot name",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder", DefaultValueFactory = _ => "reports/compare" };
    private static readonly Option<int> Seed = new("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => 20240601 };
    private static readonly Option<bool> Plan = new("--plan")
    {
        Description = "Print, per row, the samples per problem needed to find a drop of --plan-drop points with 80% power; write nothing",
    };
    private static readonly Option<double> PlanDrop = new("--plan-drop")
    {
        Description = "The drop --plan sizes for, in points",
        DefaultValueFactory = _ => 2.0,
    };
    internal static readonly Option<string[]> Trend = new("--trend")
    {
        Description = "Runs or snapshots in checkpoint order: flag a significant downward trend (instead of BASE CAND)",
        AllowMultipleArgumentsPerToken = true,
    };
    internal static readonly Option<int> Last = new("--last") { Description = "With --trend: fit the last K checkpoints", DefaultValueFactory = _ => 6 };

    /// <summary>The files compare writes, by exporter.</summary>
    public static readonly string[] Exporters = ["csv", "json", "markdown", "diff", "junit", "html"];

    public static Command Create()
    {
        var command = new Command(
            "compare",
            "Compare two runs or snapshots: flips with diffs, paired statistics, regression gate (exit 1 on a significant " +
            "drop); --trend: drift over checkpoints");
        command.Arguments.Add(Base);
        command.Arguments.Add(Candidate);
        Option[] options = [Out, GateOptions.MaxDrop, GateOptions.Alpha, GateOptions.Gate, Seed, Plan, PlanDrop, Trend, Last, SnapshotCommand.Root];
        foreach (var option in options)
            command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult result)
    {
        // Every option is checked, and the gate file read, before any run is loaded.
        var trendRuns = result.GetValue(Trend) ?? [];
        Preflight.ThrowIfInvalid(
        [
            new NumberRangeValidator("--plan-drop", result.GetValue(PlanDrop), 0, double.MaxValue, MinOpen: true, MaxOpen: false, "a drop in points"),
            new IntRangeValidator("--last", result.GetValue(Last), 3),
            new RequirementValidator(trendRuns.Length > 0 && result.GetValue(Base) is not null, "give either BASE CAND or --trend RUN..., not both"),
            new RequirementValidator(trendRuns.Length > 0 && result.GetValue(Plan), "--plan sizes a BASE CAND comparison, not a --trend"),
            new RequirementValidator(trendRuns.Length is > 0 and < 3, $"--trend needs at least 3 runs, got {trendRuns.Length}"),
            new RequirementValidator(trendRuns.Length == 0 && (result.GetValue(Base) is null || result.GetValue(Candidate) is null),
                "compare needs BASE and CAND (or --trend RUN...)"),
        ]);
        var policy = GateOptions.Policy(result);
        var alpha = result.GetValue(GateOptions.Alpha);
        var store = new SnapshotStore(result.GetValue(SnapshotCommand.Root)!);
        if (result.GetValue(Trend) is { Length: > 0 } trend)
        {
            if (result.GetValue(Base) is not null) throw new UsageException("give either BASE CAND or --trend RUN..., not both");
            return CompareTrend.Run(trend, result.GetValue(Last), alpha, result.GetValue(Out)!, store);
        }
        if (result.GetValue(Base) is not { } baseName || result.GetValue(Candidate) is not { } candidateName)
            throw new UsageException("compare needs BASE and CAND (or --trend RUN...)");
        var baseRun = RunSource.Load(baseName, store);
        var candidate = RunSource.Load(candidateName, store);
        if (baseRun.Name == candidate.Name) candidate = candidate with { Name = candidate.Name + " (candidate)" };
        var context = ReportBuilder.Build([candidate], baseRun, policy, alpha, result.GetValue(Seed));
        if (result.GetValue(Plan))
        {
            var drop = result.GetValue(PlanDrop);
            if (!(drop > 0)) throw new UsageException($"--plan-drop must be > 0 points, got {drop}");
            foreach (var line in GatePlan.Lines(context.Verdicts ?? [], drop)) Console.WriteLine(line);
            return ExitCodes.Success;
        }
        context = context with { Questions = RunQuestions.Load(context.Runs.Select(r => r.Log), null, Console.Error.WriteLine) };
        var outDirectory = result.GetValue(Out)!;
        ReportBuilder.Write(context, outDirectory, Exporters);
        foreach (var verdict in context.Verdicts ?? []) Console.WriteLine(verdict.Explanation);
        var comparison = context.Comparison!;
        Console.WriteLine($"pairs: {comparison.Benchmarks.Sum(b => b.Pairs)}, flips: {comparison.Flips.Count}, not comparable: " +
            $"{comparison.NotComparable.Count}");
        var written = new[] { "report.html", "diff.md", "junit.xml" }.Select(name => Path.Combine(outDirectory, name));
        Console.WriteLine($"written: {string.Join(", ", written)}");
        var failed = (context.Verdicts ?? []).Count(v => v.Failed);
        var underPowered = (context.Verdicts ?? []).Count(v => v.UnderPowered);
        if (underPowered > 0) Console.WriteLine($"under-powered rows (detectable drop above max_drop): {underPowered} of {context.Verdicts!.Count}");
        if (failed > 0) Console.Error.WriteLine($"gate: FAIL ({failed} regression(s), {context.Verdicts![0].Family})");
        return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
