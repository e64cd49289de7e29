using SIaM.Core.Scoring;

namespace SIaM.Reporting.Statistics;

/// <summary>
/// A linear trend over K checkpoints with paired per-problem data: each problem's least-squares slope of its mean score
/// against the checkpoint index, averaged over problems; tested with the sign-flip test over problems (a flat series of
/// reruns makes each problem's slope symmetric about 0, because reversing time flips its sign).
/// </summary>
public static class TrendTest
{
    /// <summary>
    /// The trend of <paramref name="correct"/>[t][i] correct samples of problem i at checkpoint t, out of
    /// <paramref name="samples"/>[i] at every checkpoint.
    /// </summary>
    public static TrendStatistic Of(IReadOnlyList<int[]> correct, int[] samples)
    {
        var k = correct.Count;
        if (k < 3) throw new ArgumentException($"a trend needs at least 3 checkpoints, got {k}", nameof(correct));
        var m = samples.Length;
        // Weights 2(t − t̄) are integers; Σ_t 2(t − t̄)·(t − t̄) = Σ w² / 2.
        var weights = Enumerable.Range(0, k).Select(t => 2 * t - (k - 1)).ToArray();
        var denominator = weights.Sum(w => w * w) / 2.0;
        var slopes = new double[m];
        var scores = new int[m];
        var equal = m > 0 && samples.All(s => s == samples[0]);
        for (var i = 0; i < m; i++)
        {
            var score = 0;
            for (var t = 0; t < k; t++) score += weights[t] * correct[t][i];
            scores[i] = score;
            slopes[i] = score / (denominator * samples[i]);
        }
        var p = m == 0 ? 1 : equal ? SignFlipTest.PValue(scores) : SignFlipTest.PValue(slopes);
        return new TrendStatistic(Metrics.Mean(slopes), Metrics.StandardError(slopes), p, m, k);
    }
}

/// <summary>A row's trend.</summary>
/// <param name="Slope">Mean per-problem slope: accuracy change per checkpoint (fraction).</param>
/// <param name="StandardError">Clustered standard error of <paramref name="Slope"/> (over problems).</param>
/// <param name="PValue">Two-sided p of "no trend".</param>
/// <param name="Problems">Problems present and graded at every checkpoint.</param>
/// <param name="Checkpoints">Checkpoints fitted.</param>
public sealed record TrendStatistic(double Slope, double StandardError, double PValue, int Problems, int Checkpoints);
