namespace SIaM.Reporting.Statistics;

/// <summary>
/// Holm–Bonferroni step-down adjustment: controls the chance that any of m true null hypotheses is rejected at level α,
/// under any dependence between the tests. Rejecting every hypothesis whose adjusted p is below α is Holm's procedure.
/// </summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in the input order: sorted ascending, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
    /// Ties keep their input order, so the result is deterministic.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
