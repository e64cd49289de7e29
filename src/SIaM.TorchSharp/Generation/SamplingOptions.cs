namespace SIaM.TorchSharp.Generation;

/// <summary>How the next token is chosen. Greedy when <see cref="Temperature"/> is 0.</summary>
public sealed record SamplingOptions(double Temperature = 0, double TopP = 1, int TopK = 0)
{
    /// <summary>Argmax decoding.</summary>
    public static SamplingOptions Greedy { get; } = new();

    /// <summary>True when decoding is argmax.</summary>
    public bool IsGreedy => Temperature <= 0;
}
