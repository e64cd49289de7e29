using SIaM.Core.Runs;
using SIaM.Core.Scoring;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tables;

/// <summary>Intervals that need the samples, clustered by problem: accuracy when problems have several samples, and pass@k.</summary>
public static class SampleIntervals
{
    /// <summary>
    /// The intervals of the graded samples of <paramref name="members"/>, with k the most samples of a problem and the
    /// number of problems that have k; nulls with one sample per problem (the Wilson interval is then exact enough).
    /// </summary>
    public static (Interval Accuracy, Interval PassAtK, int K, int Problems)? Of(IReadOnlyList<SampleRecord> samples, IReadOnlyCollection<string> members)
    {
        var problems = samples.Where(s => s.Correct is not null && members.Contains(s.Benchmark))
            .GroupBy(s => (s.Benchmark, s.Id)).Select(g => g.Select(s => s.Correct == true).ToList()).ToList();
        var k = problems.Count == 0 ? 1 : problems.Max(p => p.Count);
        if (k < 2) return null;
        var accuracy = ClusteredInterval.Of(problems.Select(p => p.Average(c => c ? 1.0 : 0.0)).ToList());
        var full = problems.Where(p => p.Count >= k).ToList();
        var passAtK = ClusteredInterval.Of(full.Select(p => PassAtK.Estimate(p.Count, p.Count(c => c), k)).ToList());
        return (accuracy, passAtK, k, full.Count);
    }
}
