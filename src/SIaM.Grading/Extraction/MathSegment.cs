namespace SIaM.Grading.Extraction;

/// <summary>One math span of a text.</summary>
/// <param name="Start">Index of the opening delimiter.</param>
/// <param name="End">Index just past the closing delimiter.</param>
/// <param name="Content">The math between the delimiters, trimmed.</param>
public sealed record MathSegment(int Start, int End, string Content);
