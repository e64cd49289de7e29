using SIaM.Core.Runs;

namespace SIaM.Critique;

/// <summary>A critic's verdict on one case.</summary>
/// <param name="Outcome">Yes, no, invalid or unparseable.</param>
/// <param name="PYes">P(YES) renormalised over YES and NO, when the critic reads token probabilities.</param>
/// <param name="Raw">The critic's raw output: generated text, or the candidates' log-probabilities.</param>
/// <param name="Reason">Why the outcome is invalid or unparseable.</param>
public sealed record CriticJudgment(CriticOutcome Outcome, double? PYes, string Raw, string? Reason = null);
