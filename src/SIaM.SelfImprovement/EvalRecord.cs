namespace SIaM.SelfImprovement;

/// <summary>One greedy evaluation answer (stage <c>iter-&lt;i&gt;/eval-samples.jsonl</c>).</summary>
public sealed record EvalRecord(string Suite, string QuestionId, string Completion, int CompletionTokens, string Output, bool Correct);
