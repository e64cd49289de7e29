using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Perf.Gate;
using SIaM.Reporting.Gating;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam bench gate [--suite all|NAME] [--gate FILE] [--trials N] [--seed S]</c>: validates the regression gate by
/// simulation. Without <c>--suite</c>, one GSM8K-sized row; with it, the family a nightly gates (every benchmark of the
/// suite at its real size, plus the suites), with the drift detector.
/// </summary>
internal static class BenchGateCommand
{
    private static readonly Option<int> Trials = new("--trials") { Description = "Trials per cell", DefaultValueFactory = _ => 2000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Suite = new("--suite")
    {
        Description = "Simulate the family of a suite's benchmarks (at their sizes) and suites; 'all' for everything",
    };
    private static readonly Option<string?> Gate = new("--gate")
    {
        Description = "Gate file whose policy the family simulation uses (default: Holm, max_drop 0.5, alpha 0.05)",
    };

    public static Command Create()
    {
        var command = new Command(
            "gate",
            "Simulate the regression gate: false alarms on reruns of one model, power for a true 2-point drop; --suite: the " +
            "whole family and drift");
        foreach (var option in new Option[] { Trials, Seed, Suite, Gate }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var trials = result.GetValue(Trials);
            // Every option is checked before the simulation starts (the gate file is read with its policy, below).
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--trials", trials),
                new RequirementValidator(result.GetValue(Suite) is null && result.GetValue(Gate) is not null,
                    "--gate needs --suite (the gate file's policy applies to a family of benchmarks)"),
                new CheckValidator(() => Suites.Expand(result.GetValue(Suite) ?? "all")),
            ]);
            var seed = result.GetValue(Seed);
            if (result.GetValue(Suite) is not { } suite)
            {
                Console.Write(GateValidationTable.Markdown(GateValidationTable.Compute(trials, seed)));
                return ExitCodes.Success;
            }
            var fallback = new GateThreshold(0.5, 0.05);
            var policy = result.GetValue(Gate) is { } file ? GateFile.Read(file, fallback) : GatePolicy.Uniform(fallback);
            var family = Family(suite);
            Console.Write(FamilyValidationTable.Markdown(family, policy, FamilyValidationTable.Compute(family, policy, trials, seed)));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The benchmarks of <paramref name="suite"/> at their catalogued sizes, and every suite made only of them.</summary>
    internal static SimulatedFamily Family(string suite)
    {
        var ids = Suites.Expand(suite);
        var benchmarks = ids.Select(id => (id, BenchmarkRegistry.Get(id).Manifest.Records)).ToList();
        var suites = Suites.All.Where(s => s.Value.All(ids.Contains)).ToDictionary(s => s.Key, s => s.Value);
        return new SimulatedFamily(benchmarks, suites);
    }
}
