namespace SIaM.TorchSharp.Generation;

/// <summary>The new tokens of one sequence and why generation ended: <c>stop</c> (EOS or a stop condition) or <c>length</c>.</summary>
public sealed record GeneratedSequence(IReadOnlyList<int> Tokens, string FinishReason);
