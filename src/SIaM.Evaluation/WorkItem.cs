using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;

namespace SIaM.Evaluation;

/// <summary>One problem × sample to solve, with its exact prompt.</summary>
public sealed record WorkItem(Problem Problem, int Sample, IReadOnlyList<ChatMessage> Messages, string PromptHash);
