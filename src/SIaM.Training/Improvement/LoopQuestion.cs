namespace SIaM.Training.Improvement;

/// <summary>A question with its reference answer (no program): what the loop learns from and is evaluated on.</summary>
public sealed record LoopQuestion(string Id, string Question, string Answer);
