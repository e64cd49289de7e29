namespace SIaM.Reporting.Gating;

/// <summary>Thresholds per benchmark and per suite, falling back to a default.</summary>
public sealed record GatePolicy(
    GateThreshold Default,
    IReadOnlyDictionary<string, GateThreshold> Benchmarks,
    IReadOnlyDictionary<string, GateThreshold> Suites)
{
    /// <summary>One threshold for everything.</summary>
    public static GatePolicy Uniform(GateThreshold threshold) =>
        new(threshold, new Dictionary<string, GateThreshold>(), new Dictionary<string, GateThreshold>());

    /// <summary>The threshold of a row.</summary>
    public GateThreshold For(string name, bool isSuite) =>
        (isSuite ? Suites : Benchmarks).TryGetValue(name, out var specific) ? specific : Default;
}
