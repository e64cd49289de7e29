namespace SIaM.Reporting.Viewer;

/// <summary>The index block: what the page needs before any flip or sample is shown.</summary>
/// <param name="Runs">The runs, in report order.</param>
/// <param name="BaseRun">Index of the baseline in <paramref name="Runs"/>, or -1.</param>
/// <param name="Candidate">Index of the compared (last) run, or -1.</param>
/// <param name="Suites">Suite → member benchmarks.</param>
/// <param name="Failing">The rows the gate failed.</param>
/// <param name="Flips">How many flips there are.</param>
/// <param name="NotComparable">How many samples were left out of the comparison.</param>
public sealed record ViewerIndex(
    IReadOnlyList<ViewerRun> Runs, int BaseRun, int Candidate, SortedDictionary<string, IReadOnlyList<string>> Suites,
    IReadOnlyList<string> Failing, int Flips, int NotComparable);
