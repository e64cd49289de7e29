namespace SIaM.TorchSharp.Generation;

/// <summary>A sequence that left a <see cref="DecodeBatch"/>: the id it was admitted under and what it generated.</summary>
public sealed record FinishedSequence(long Id, GeneratedSequence Sequence);
