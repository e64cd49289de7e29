using System.Globalization;
using System.Text;
using SIaM.Reporting.Gating;

namespace SIaM.Perf.Gate;

/// <summary>The family simulation over the grid users run: unstable shares 10%, 25%, 50%; one and four samples per problem.</summary>
public static class FamilyValidationTable
{
    /// <summary>Shares of unstable problems simulated.</summary>
    public static readonly double[] UnstableShares = [0.1, 0.25, 0.5];

    /// <summary>Samples per problem simulated.</summary>
    public static readonly int[] SampleCounts = [1, 4];

    /// <summary>One result per cell of the grid, in table order.</summary>
    public static IReadOnlyList<FamilySimulationResult> Compute(SimulatedFamily family, GatePolicy policy, int trials, int seed = 1,
        FamilySimulation.Settings? settings = null)
    {
        var results = new List<FamilySimulationResult>();
        var cell = 0;
        foreach (var unstable in UnstableShares)
            foreach (var n in SampleCounts)
                results.Add(FamilySimulation.Run(family, new FamilyScenario(unstable, n), policy, settings ?? new(), trials, seed + cell++));
        return results;
    }

    /// <summary>The tables as Markdown: the family, then per row.</summary>
    public static string Markdown(SimulatedFamily family, GatePolicy policy, IReadOnlyList<FamilySimulationResult> results,
        FamilySimulation.Settings? settings = null)
    {
        var s = settings ?? new();
        var md = new StringBuilder();
        md.Append(I($"Family: {family.Benchmarks.Count} benchmarks and {family.Suites.Count} suites ({family.Rows} rows), gate family {policy.Family}, "))
            .Append(I($"accuracy {100 * results[0].Scenario.Accuracy:0}%, {results[0].Trials} simulated nights per cell; "))
            .Append(I($"drop {s.TrueDropPoints:0.#} pts on every benchmark; "))
            .Append(I($"drift {s.DriftPointsPerNight:0.##} pts/night over {s.Nights} nights, drift α {s.DriftAlpha:0.###} (Holm over the rows).\n\n"));
        md.Append("| unstable problems | samples/problem | family-wise false alarm (same model) | some row fails (true drop) | ")
            .Append("drift false alarm (flat) | drift caught |\n");
        md.Append("|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
            md.Append(I($"| {100 * r.Scenario.Unstable:0}% | {r.Scenario.SamplesPerProblem} | {100 * r.FamilyFalseAlarm:0.0}% | {100 * r.AnyRowPower:0.0}% | ")
                .ToString() + I($"{100 * r.DriftFalseAlarm:0.0}% | {100 * r.DriftPower:0.0}% |\n"));
        md.Append(I($"\nPer row: power at a true {s.TrueDropPoints:0.#}-point drop / detectable drop at 80% power (pts, as the gate states it)"))
            .Append(" / drift caught.\n\n");
        md.Append("| row | problems |").AppendJoin("", results.Select(r => I($" {100 * r.Scenario.Unstable:0}%, n={r.Scenario.SamplesPerProblem} |")));
        md.Append("\n|---|---:|").AppendJoin("", results.Select(_ => "---:|")).Append('\n');
        for (var row = 0; row < results[0].Rows.Count; row++)
        {
            var first = results[0].Rows[row];
            md.Append(I($"| {first.Name}{(first.IsSuite ? " (suite)" : "")} | {first.Problems} |"));
            foreach (var r in results)
            {
                var x = r.Rows[row];
                md.Append(I($" {100 * x.Power:0}% / {Detectable(x.DetectableDropPoints)} / {100 * x.DriftPower:0}% |"));
            }
            md.Append('\n');
        }
        return md.ToString();
    }

    private static string Detectable(double points) => double.IsFinite(points) ? points.ToString("0.0", CultureInfo.InvariantCulture) : "none";

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
