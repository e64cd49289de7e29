namespace SIaM.SelfImprovement;

/// <summary>A question with its reference answer: what the loop learns from (without a program) and is evaluated on.</summary>
/// <param name="Program">A reference program, known for evaluation questions of the demo: the contamination check
/// refuses training on it. Never shown to the policy.</param>
public sealed record LoopQuestion(string Id, string Question, string Answer, string? Program = null);
