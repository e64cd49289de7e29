namespace SIaM.Reporting.Comparing;

/// <summary>
/// Everything <c>siam compare</c> reports: per-benchmark and per-suite scores, the flips (worst first), the left-out
/// samples, the suites' compared benchmarks.
/// </summary>
public sealed record RunComparison(
    string BaseName,
    string CandidateName,
    double Alpha,
    IReadOnlyList<ScoreComparison> Benchmarks,
    IReadOnlyList<ScoreComparison> Suites,
    IReadOnlyList<Flip> Flips,
    IReadOnlyList<NotComparable> NotComparable,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? SuiteMembers = null)
{
    /// <summary>The compared benchmarks of each suite row (empty when unknown).</summary>
    public IReadOnlyList<string> MembersOf(string suite) =>
        SuiteMembers?.TryGetValue(suite, out var members) == true ? members : [];

    /// <summary>Benchmark rows then suite rows.</summary>
    public IEnumerable<ScoreComparison> Rows => Benchmarks.Concat(Suites);

    /// <summary>The flips of one benchmark or suite, worst first.</summary>
    public IEnumerable<Flip> FlipsOf(ScoreComparison row, IReadOnlyDictionary<string, IReadOnlyList<string>> suites) =>
        row.IsSuite && suites.TryGetValue(row.Name, out var members)
            ? Flips.Where(f => members.Contains(f.Benchmark))
            : Flips.Where(f => f.Benchmark == row.Name);
}
