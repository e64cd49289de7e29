namespace SIaM.Reporting.Statistics;

/// <summary>Confidence intervals for a binomial proportion.</summary>
public static class ProportionIntervals
{
    /// <summary>The 97.5% quantile of the standard normal: two-sided 95%.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval; stays inside [0, 1] and behaves at 0 and n. [0, 1] for n = 0.</summary>
    public static Interval Wilson(int successes, int n, double z = Z95)
    {
        Check(successes, n);
        if (n == 0) return new Interval(0, 1);
        var p = successes / (double)n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Normal (Wald) interval p ± z·√(p(1−p)/n), clipped to [0, 1]. [0, 1] for n = 0.</summary>
    public static Interval Normal(int successes, int n, double z = Z95)
    {
        Check(successes, n);
        if (n == 0) return new Interval(0, 1);
        var p = successes / (double)n;
        var half = z * Math.Sqrt(p * (1 - p) / n);
        return new Interval(Math.Max(0, p - half), Math.Min(1, p + half));
    }

    private static void Check(int successes, int n)
    {
        if (n < 0 || successes < 0 || successes > n)
            throw new ArgumentOutOfRangeException(nameof(successes), $"need 0 <= successes <= n, got {successes} of {n}");
    }
}
