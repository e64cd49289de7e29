namespace SIaM.Core.SelfImprovement;

/// <summary>Caps applied when turning filtered samples into training data.</summary>
/// <param name="MaxCompletionTokens">Longer completions are never training targets.</param>
/// <param name="MaxSftPerQuestion">Distinct accepted programs kept per question.</param>
/// <param name="MaxPairsPerQuestion">Preference pairs kept per question.</param>
public sealed record SelectionLimits(int MaxCompletionTokens = 256, int MaxSftPerQuestion = 4, int MaxPairsPerQuestion = 4);
