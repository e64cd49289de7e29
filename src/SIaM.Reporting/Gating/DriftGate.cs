using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Gating;

/// <summary>
/// Flags slow decay that no night-to-night comparison can see: a significant downward trend over the last checkpoints,
/// with Holm–Bonferroni over the rows, a budget of its own (the nightly gate keeps its α).
/// </summary>
public static class DriftGate
{
    /// <summary>One verdict per row, in order.</summary>
    public static IReadOnlyList<TrendVerdict> Evaluate(IReadOnlyList<TrendRow> rows, double alpha)
    {
        var adjusted = Holm.Adjust(rows.Select(r => r.Trend.PValue).ToList());
        return rows.Select((r, i) => new TrendVerdict(r, adjusted[i], alpha, r.Trend.Slope < 0 && adjusted[i] < alpha)).ToList();
    }
}
