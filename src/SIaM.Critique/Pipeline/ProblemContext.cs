using SIaM.Core.Benchmarks;

namespace SIaM.Critique.Pipeline;

/// <summary>What the critique pass needs to know about a problem beyond its samples.</summary>
/// <param name="Question">The problem text.</param>
/// <param name="Language">Selects the critic prompt.</param>
/// <param name="Gradable">False when the rule grader cannot parse the reference (its verdict then means little).</param>
public sealed record ProblemContext(string Question, Language Language, bool Gradable);
