namespace SIaM.TorchSharp.Scoring;

/// <summary>A prompt's tokens and the tokens of one continuation to score after it.</summary>
internal sealed record Continuation(IReadOnlyList<int> Context, IReadOnlyList<int> Tokens);
