namespace SIaM.Reporting.Comparing;

/// <summary>The outcome of pairing two runs: comparable pairs, in key order, and the samples left out.</summary>
public sealed record PairedSamples(IReadOnlyList<SamplePair> Pairs, IReadOnlyList<NotComparable> NotComparable);
