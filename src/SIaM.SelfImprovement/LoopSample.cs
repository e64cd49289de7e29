using SIaM.Core.Sandbox;

namespace SIaM.SelfImprovement;

/// <summary>One sampled completion (stage <c>samples.jsonl</c>).</summary>
public sealed record LoopSample(string QuestionId, int SampleIndex, string Completion, int CompletionTokens, string FinishReason);

/// <summary>What running a sample's program gave and what each filter said (stage <c>verdicts.jsonl</c>).</summary>
public sealed record LoopVerdict(
    string QuestionId,
    int SampleIndex,
    string? Program,
    ExecStatus? Status,
    string Output,
    IReadOnlyDictionary<string, bool> Accepted);
