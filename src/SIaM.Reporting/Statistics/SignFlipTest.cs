namespace SIaM.Reporting.Statistics;

/// <summary>
/// Paired sign-flip permutation test over independent units (problems): under "no change" each unit's difference is
/// as likely to have either sign, so the sum S = Σ dᵢ is compared with the distribution of Σ ±|dᵢ|. With one sample per
/// problem and dᵢ ∈ {−1, 0, 1} it is exactly McNemar's test. Integer scores get the exact permutation distribution
/// (by convolution) while that is cheap, else its normal approximation with continuity correction.
/// </summary>
public static class SignFlipTest
{
    /// <summary>Largest units × support of the exact convolution; beyond it the normal approximation is used.</summary>
    public const long ExactWorkLimit = 1_500_000;

    /// <summary>Two-sided p-value P[|Σ ±|dᵢ|| ≥ |Σ dᵢ|] for integer scores dᵢ; 1 when all are 0.</summary>
    public static double PValue(IReadOnlyList<int> scores) => PValue(scores, out _);

    /// <summary>As <see cref="PValue(IReadOnlyList{int})"/>; <paramref name="exact"/> tells whether the exact distribution was used.</summary>
    public static double PValue(IReadOnlyList<int> scores, out bool exact)
    {
        long sum = 0, total = 0, squares = 0, units = 0;
        foreach (var s in scores)
        {
            if (s == 0) continue;
            sum += s;
            total += Math.Abs(s);
            squares += (long)s * s;
            units++;
        }
        exact = true;
        if (units == 0) return 1;
        if (units * (2 * total + 1) <= ExactWorkLimit) return ExactTail(scores, (int)total, Math.Abs(sum));
        exact = false;
        var observed = Math.Abs(sum);
        // The permutation distribution lives on a lattice of spacing 2: correct by half a step.
        return observed <= 1 ? 1 : StandardNormal.TwoSided((observed - 1) / Math.Sqrt(squares));
    }

    /// <summary>Two-sided p-value for real-valued differences (unequal samples per problem): normal approximation of the permutation distribution.</summary>
    public static double PValue(IReadOnlyList<double> differences)
    {
        double sum = 0, squares = 0;
        foreach (var d in differences) { sum += d; squares += d * d; }
        return squares == 0 ? 1 : StandardNormal.TwoSided(sum / Math.Sqrt(squares));
    }

    private static double ExactTail(IReadOnlyList<int> scores, int total, long observed)
    {
        // probability[v + total] = P[Σ ±|dᵢ| = v] over the units seen so far.
        var probability = new double[2 * total + 1];
        var next = new double[2 * total + 1];
        probability[total] = 1;
        var reach = 0;
        foreach (var s in scores)
        {
            var a = Math.Abs(s);
            if (a == 0) continue;
            var newReach = reach + a;
            Array.Clear(next, total - newReach, 2 * newReach + 1);
            for (var v = -reach; v <= reach; v++)
            {
                var p = probability[v + total];
                if (p == 0) continue;
                next[v + total - a] += 0.5 * p;
                next[v + total + a] += 0.5 * p;
            }
            (probability, next) = (next, probability);
            reach = newReach;
        }
        var tail = 0.0;
        for (var v = (int)observed; v <= total; v++) tail += probability[v + total] + (v == 0 ? 0 : probability[total - v]);
        return Math.Min(1, tail);
    }
}
