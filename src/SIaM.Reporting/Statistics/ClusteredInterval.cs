using SIaM.Core.Scoring;

namespace SIaM.Reporting.Statistics;

/// <summary>
/// The 95% interval of a mean over problems when each problem contributes one score (its mean over samples, its
/// pass@k estimate): mean ± z·SE with SE the clustered standard error (<see cref="Metrics.StandardError"/> of the
/// per-problem scores), clipped to [0, 1]. Correct where samples of one problem are correlated, unlike an interval
/// that counts every sample as independent.
/// </summary>
public static class ClusteredInterval
{
    /// <summary>The interval of the mean of <paramref name="perProblem"/>; [0, 1] for none.</summary>
    public static Interval Of(IReadOnlyList<double> perProblem, double z = ProportionIntervals.Z95)
    {
        if (perProblem.Count == 0) return new Interval(0, 1);
        var mean = Metrics.Mean(perProblem);
        var half = z * Metrics.StandardError(perProblem);
        return new Interval(Math.Max(0, mean - half), Math.Min(1, mean + half));
    }
}
