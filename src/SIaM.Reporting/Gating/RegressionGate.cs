using SIaM.Reporting.Comparing;

namespace SIaM.Reporting.Gating;

/// <summary>Decides, per row of a comparison, whether the candidate regressed: a drop both larger than the threshold and significant.</summary>
public static class RegressionGate
{
    /// <summary>One verdict per benchmark and suite row, in the comparison's order.</summary>
    public static IReadOnlyList<GateVerdict> Evaluate(RunComparison comparison, GatePolicy policy) =>
        comparison.Rows.Select(row => Decide(row, policy.For(row.Name, row.IsSuite))).ToList();

    /// <summary>The verdict on one row.</summary>
    public static GateVerdict Decide(ScoreComparison row, GateThreshold threshold) =>
        new(row, threshold, -100 * row.Delta > threshold.MaxDropPoints && row.PValue < threshold.Alpha);
}
