namespace SIaM.Reporting.Statistics;

/// <summary>The unbiased pass@k estimator of Chen et al. (2021): 1 − C(n−c, k) / C(n, k).</summary>
public static class PassAtK
{
    /// <summary>Probability that at least one of k samples drawn without replacement from n (c correct) is correct.</summary>
    public static double Estimate(int n, int c, int k)
    {
        if (k < 1 || k > n || c < 0 || c > n) throw new ArgumentOutOfRangeException(nameof(k), $"need 1 <= k <= n and 0 <= c <= n, got n={n} c={c} k={k}");
        if (n - c < k) return 1;
        var allWrong = 1.0;
        for (var i = n - c + 1; i <= n; i++) allWrong *= 1 - k / (double)i;
        return 1 - allWrong;
    }
}
