namespace SIaM.Core.Backends;

/// <summary>Decoding settings. Greedy by default (<see cref="Temperature"/> = 0). Every field is semantic (part of cache keys).</summary>
/// <param name="Temperature">0 means greedy.</param>
/// <param name="TopP">Nucleus sampling mass; 1 disables it.</param>
/// <param name="TopK">Top-k sampling; 0 disables it.</param>
/// <param name="MaxNewTokens">Upper bound on generated tokens.</param>
/// <param name="Stop">Stop sequences; generation ends before the first one (the stop text is not returned).</param>
/// <param name="Seed">Base seed; a request's effective seed also depends on its sample index.</param>
public sealed record GenerationConfig(
    double Temperature = 0,
    double TopP = 1,
    int TopK = 0,
    int MaxNewTokens = 1024,
    IReadOnlyList<string>? Stop = null,
    int Seed = 0)
{
    /// <summary>Greedy decoding with default limits.</summary>
    public static GenerationConfig Greedy { get; } = new();

    /// <summary>The stop sequences, never null.</summary>
    public IReadOnlyList<string> StopSequences => Stop ?? [];

    /// <summary>True when decoding is greedy.</summary>
    public bool IsGreedy => Temperature <= 0;
}
