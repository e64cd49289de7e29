namespace SIaM.Reporting.Statistics;

/// <summary>
/// Paired outcomes per problem (the cluster): correct samples of the base and of the candidate among
/// <see cref="Samples"/>[i] graded sample pairs of problem i.
/// </summary>
public sealed record PairedProblems(int[] BaseCorrect, int[] CandidateCorrect, int[] Samples)
{
    /// <summary>Problems.</summary>
    public int Count => Samples.Length;

    /// <summary>Per-problem difference of mean scores, candidate − base.</summary>
    public double Difference(int i) => (CandidateCorrect[i] - BaseCorrect[i]) / (double)Samples[i];

    /// <summary>The problems of several rows together, e.g. the benchmarks of a suite.</summary>
    public static PairedProblems Concat(IEnumerable<PairedProblems> parts)
    {
        var list = parts.ToList();
        return new PairedProblems(
            [.. list.SelectMany(p => p.BaseCorrect)], [.. list.SelectMany(p => p.CandidateCorrect)], [.. list.SelectMany(p => p.Samples)]);
    }
}
