namespace SIaM.Reporting.Gating;

/// <summary>
/// Thresholds per benchmark and per suite, falling back to a default, and how the rows form a family
/// (<paramref name="BenchmarkBudget"/>: with <see cref="GateFamily.Hierarchy"/>, a separate α for the benchmarks of
/// suites, tested with Holm whether or not their suite failed).
/// </summary>
public sealed record GatePolicy(
    GateThreshold Default,
    IReadOnlyDictionary<string, GateThreshold> Benchmarks,
    IReadOnlyDictionary<string, GateThreshold> Suites,
    GateFamily Family = GateFamily.Holm,
    double? BenchmarkBudget = null)
{
    /// <summary>One threshold for everything, Holm over the rows.</summary>
    public static GatePolicy Uniform(GateThreshold threshold, GateFamily family = GateFamily.Holm) =>
        new(threshold, new Dictionary<string, GateThreshold>(), new Dictionary<string, GateThreshold>(), family);

    /// <summary>The threshold of a row.</summary>
    public GateThreshold For(string name, bool isSuite) =>
        (isSuite ? Suites : Benchmarks).TryGetValue(name, out var specific) ? specific : Default;
}
