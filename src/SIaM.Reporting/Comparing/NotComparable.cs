namespace SIaM.Reporting.Comparing;

/// <summary>A sample that was left out of a comparison, and why.</summary>
public sealed record NotComparable(string Benchmark, string Id, int Sample, string Reason);
