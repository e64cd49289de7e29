using System.Globalization;
using System.Text;
using SIaM.Reporting.Gating;

namespace SIaM.Perf.Gate;

/// <summary>
/// The gate's validation table: a GSM8K-sized benchmark (1,319 problems at 75%), several rerun stabilities,
/// samples per problem and thresholds.
/// </summary>
public static class GateValidationTable
{
    /// <summary>Problems in the GSM8K test split.</summary>
    public const int Gsm8kProblems = 1319;

    /// <summary>The rows of the published table.</summary>
    public static IReadOnlyList<GateSimulationRow> Compute(int trials, int seed = 1)
    {
        var rows = new List<GateSimulationRow>();
        var cell = 0;
        foreach (var unstable in new[] { 0.1, 0.25, 0.5 })
            foreach (var k in new[] { 1, 4 })
                foreach (var maxDrop in new[] { 0.5, 1.0 })
                    rows.Add(GateSimulation.Run(new GateScenario(Gsm8kProblems, 0.75, unstable, k), new GateThreshold(maxDrop, 0.05),
                        trueDropPoints: 2, trials, seed + cell++));
        return rows;
    }

    /// <summary>The table as Markdown.</summary>
    public static string Markdown(IReadOnlyList<GateSimulationRow> rows)
    {
        var md = new StringBuilder(
            "| unstable problems | samples/problem | flips between reruns | --max-drop | --alpha " +
            "| false alarm (same model) | power (true 2-pt drop) |\n");
        md.Append("|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in rows)
            md.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {100 * r.Scenario.Unstable:0}% | {r.Scenario.SamplesPerProblem} | {r.MeanFlips:0} | {r.Threshold.MaxDropPoints:0.0} " +
                $"| {r.Threshold.Alpha:0.00} | {100 * r.FalseAlarm:0.0}% | {100 * r.Power:0.0}% |\n"));
        return md.ToString();
    }
}
