namespace SIaM.Reporting.Statistics;

/// <summary>
/// Percentile bootstrap interval for the mean paired difference (candidate − base), resampling problems (the unit
/// that is paired) with a seeded generator so that the same inputs give the same interval.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>
    /// The (1 − <paramref name="alpha"/>) interval of mean(candidate[i] − base[i]). Both lists hold per-problem scores in
    /// the same problem order. A degenerate [0, 0] for no problems.
    /// </summary>
    public static Interval DeltaInterval(IReadOnlyList<double> baseScores, IReadOnlyList<double> candidateScores,
        int seed, double alpha = 0.05, int resamples = DefaultResamples)
    {
        if (baseScores.Count != candidateScores.Count)
            throw new ArgumentException($"paired lists differ in length ({baseScores.Count} vs {candidateScores.Count})");
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must be in (0, 1)");
        var n = baseScores.Count;
        if (n == 0) return new Interval(0, 0);
        var differences = new double[n];
        for (var i = 0; i < n; i++) differences[i] = candidateScores[i] - baseScores[i];
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++) sum += differences[random.Next(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        return new Interval(Quantile(means, alpha / 2), Quantile(means, 1 - alpha / 2));
    }

    /// <summary>Linear-interpolation quantile (type 7) of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
