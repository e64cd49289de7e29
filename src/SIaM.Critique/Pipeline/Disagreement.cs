using SIaM.Core.Runs;

namespace SIaM.Critique.Pipeline;

/// <summary>One line of <c>disagreements.jsonl</c>: a sample where the rule grader and the critic disagree.</summary>
public sealed record Disagreement(
    string Id,
    int Sample,
    string Benchmark,
    bool Rule,
    CriticOutcome Critic,
    double? PYes,
    bool Gradable,
    string Reference,
    string? Extracted,
    string Raw);
