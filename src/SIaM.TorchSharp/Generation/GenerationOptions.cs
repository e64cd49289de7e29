namespace SIaM.TorchSharp.Generation;

/// <summary>Settings for one <see cref="BatchGenerator.Generate"/> call (every sequence of the batch shares them).</summary>
/// <param name="MaxNewTokens">Upper bound on generated tokens per sequence.</param>
/// <param name="Sampling">Greedy or temperature / top-p / top-k.</param>
/// <param name="Seeds">One seed per sequence (sampling only); sequence i draws from its own generator.</param>
/// <param name="EosTokenIds">Tokens that end a sequence (not included in its output).</param>
/// <param name="UseCache">False recomputes the whole sequence at every step (for checks and benchmarks).</param>
/// <param name="ShouldStop">Called after each new token with (sequence index, tokens so far); true ends that sequence.</param>
public sealed record GenerationOptions(
    int MaxNewTokens,
    SamplingOptions? Sampling = null,
    IReadOnlyList<ulong>? Seeds = null,
    IReadOnlyCollection<int>? EosTokenIds = null,
    bool UseCache = true,
    Func<int, IReadOnlyList<int>, bool>? ShouldStop = null);
