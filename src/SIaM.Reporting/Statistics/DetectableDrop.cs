namespace SIaM.Reporting.Statistics;

/// <summary>
/// Power of the paired test, by the normal approximation: a true drop δ is found with probability 1 − β at two-sided
/// level α when δ ≥ (z₁₋α/₂ + z₁₋β)·SE₀, SE₀ being the spread of the mean difference under "no change". Never below
/// the smallest drop that can be significant at all: k same-way flips in k problems with 2·2⁻ᵏ &lt; α.
/// </summary>
public static class DetectableDrop
{
    /// <summary>The power every row is planned for.</summary>
    public const double Power = 0.80;

    /// <summary>
    /// The smallest true drop (accuracy fraction) found with <see cref="Power"/> at level <paramref name="alpha"/>,
    /// given <paramref name="nullStandardError"/> (see <see cref="PairedDifference.NullStandardError"/>), the problems
    /// and samples per problem. Infinity for a row without problems.
    /// </summary>
    public static double Minimum(double nullStandardError, int problems, int samplesPerProblem, double alpha)
    {
        if (problems == 0) return double.PositiveInfinity;
        var floor = FewestFlips(alpha) / (double)(problems * Math.Max(1, samplesPerProblem));
        return Math.Max(floor, Multiplier(alpha) * nullStandardError);
    }

    /// <summary>
    /// Samples per problem needed to find a drop of <paramref name="drop"/> with <see cref="Power"/> at level
    /// <paramref name="alpha"/>, when a sample pair flips with probability <paramref name="flipRate"/>: the per-problem
    /// difference of n sample pairs then has variance flipRate / n. Null when more than <paramref name="most"/> would be needed.
    /// </summary>
    public static int? SamplesNeeded(double flipRate, int problems, double drop, double alpha, int most = 1024)
    {
        if (problems == 0 || !(drop > 0)) return null;
        var fromVariance = Math.Pow(Multiplier(alpha) / drop, 2) * flipRate / problems;
        var fromFloor = FewestFlips(alpha) / (problems * drop);
        var n = (int)Math.Ceiling(Math.Max(1, Math.Max(fromVariance, fromFloor)) - 1e-9);
        return n <= most ? n : null;
    }

    /// <summary>z₁₋α/₂ + z₁₋β.</summary>
    public static double Multiplier(double alpha) => StandardNormal.Quantile(1 - alpha / 2) + StandardNormal.Quantile(Power);

    /// <summary>Fewest flips, all one way, whose exact two-sided p is below <paramref name="alpha"/>: the smallest k with 2·2⁻ᵏ &lt; α.</summary>
    public static int FewestFlips(double alpha) => (int)Math.Floor(Math.Log2(2 / alpha)) + 1;
}
