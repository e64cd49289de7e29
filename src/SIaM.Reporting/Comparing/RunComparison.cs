namespace SIaM.Reporting.Comparing;

/// <summary>Everything <c>siam compare</c> reports: per-benchmark and per-suite scores, the flips (worst first), the left-out samples.</summary>
public sealed record RunComparison(
    string BaseName,
    string CandidateName,
    double Alpha,
    IReadOnlyList<ScoreComparison> Benchmarks,
    IReadOnlyList<ScoreComparison> Suites,
    IReadOnlyList<Flip> Flips,
    IReadOnlyList<NotComparable> NotComparable)
{
    /// <summary>Benchmark rows then suite rows.</summary>
    public IEnumerable<ScoreComparison> Rows => Benchmarks.Concat(Suites);

    /// <summary>The flips of one benchmark or suite, worst first.</summary>
    public IEnumerable<Flip> FlipsOf(ScoreComparison row, IReadOnlyDictionary<string, IReadOnlyList<string>> suites) =>
        row.IsSuite && suites.TryGetValue(row.Name, out var members)
            ? Flips.Where(f => members.Contains(f.Benchmark))
            : Flips.Where(f => f.Benchmark == row.Name);
}
