namespace SIaM.TorchSharp.Generation;

/// <summary>One sequence to decode in a running batch (<see cref="DecodeBatch"/>, <see cref="ContinuousBatchGenerator"/>).</summary>
/// <param name="Prompt">Token ids, at least one.</param>
/// <param name="MaxNewTokens">Upper bound on generated tokens.</param>
/// <param name="Sampling">Greedy (null) or temperature / top-p / top-k.</param>
/// <param name="Seed">The seed of this sequence's own random stream (sampling only).</param>
/// <param name="EosTokenIds">Tokens that end the sequence (not included in its output).</param>
/// <param name="ShouldStop">Called after each new token with the tokens so far; true ends the sequence.</param>
public sealed record SequenceRequest(
    IReadOnlyList<int> Prompt,
    int MaxNewTokens,
    SamplingOptions? Sampling = null,
    ulong Seed = 0,
    IReadOnlyCollection<int>? EosTokenIds = null,
    Func<IReadOnlyList<int>, bool>? ShouldStop = null);
