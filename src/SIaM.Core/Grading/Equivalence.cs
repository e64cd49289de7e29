namespace SIaM.Core.Grading;

/// <summary>The verdict of comparing an extracted answer with a reference.</summary>
/// <param name="Equivalent">True when the answers are judged equal.</param>
/// <param name="Path">What decided it: <c>string</c>, <c>rational</c>, <c>numeric</c>, <c>percent-variant</c>, <c>symbolic</c>,
/// <c>set</c>, <c>interval</c>, <c>matrix</c>, <c>choice</c>, <c>multi-blank</c>, <c>no-answer</c>, …</param>
/// <param name="NormalizedPrediction">The prediction after normalisation.</param>
/// <param name="NormalizedReference">The reference after normalisation.</param>
public sealed record Equivalence(bool Equivalent, string Path, string? NormalizedPrediction, string? NormalizedReference);
