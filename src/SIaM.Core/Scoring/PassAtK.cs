namespace SIaM.Core.Scoring;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. (2021): with n samples of which c are correct,
/// pass@k = 1 − C(n−c, k) / C(n, k), the chance that k samples drawn without replacement include a correct one.
/// </summary>
public static class PassAtK
{
    /// <summary>
    /// pass@k for one problem. Computed as 1 − ∏_{i=n−c+1}^{n} (1 − k/i), which never forms a binomial coefficient and so
    /// neither overflows nor loses precision for large n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 ≤ c ≤ n and 1 ≤ k ≤ n.</exception>
    public static double Estimate(int n, int c, int k)
    {
        if (n < 1 || c < 0 || c > n) throw new ArgumentOutOfRangeException(nameof(c), $"need 0 ≤ c ≤ n and n ≥ 1 (n={n}, c={c})");
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), $"need 1 ≤ k ≤ n (n={n}, k={k})");
        if (n - c < k) return 1.0;
        var allWrong = 1.0;
        for (var i = n - c + 1; i <= n; i++) allWrong *= 1.0 - k / (double)i;
        return 1.0 - allWrong;
    }
}
