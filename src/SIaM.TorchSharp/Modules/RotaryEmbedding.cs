using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Modules;

/// <summary>Rotary position embedding in the Hugging Face <c>rotate_half</c> layout; no parameters.</summary>
internal sealed class RotaryEmbedding
{
    private readonly float[] _inverseFrequencies;

    public RotaryEmbedding(CausalLmConfig config)
    {
        var half = config.HeadDim / 2;
        var frequencies = Enumerable.Range(0, half)
            .Select(i => 1.0 / Math.Pow(config.RopeTheta, 2.0 * i / config.HeadDim)).ToArray();
        _inverseFrequencies = (config.RopeScaling?.Apply(frequencies) ?? frequencies).Select(f => (float)f).ToArray();
    }

    /// <summary>cos and sin of shape (B, 1, T, D) for position ids (B, T).</summary>
    public CosSin Compute(Tensor positionIds, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var inverse = tensor(_inverseFrequencies, device: positionIds.device);
        var angles = positionIds.to_type(ScalarType.Float32).unsqueeze(-1) * inverse; // (B, T, D/2)
        var both = cat([angles, angles], -1).unsqueeze(1);                            // (B, 1, T, D)
        var cos = both.cos().to_type(dtype).MoveToOuterDisposeScope();
        var sin = both.sin().to_type(dtype).MoveToOuterDisposeScope();
        return new CosSin(cos, sin);
    }

    /// <summary>x * cos + rotate_half(x) * sin for x of shape (B, H, T, D).</summary>
    public static Tensor Apply(Tensor x, CosSin cosSin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);
        var second = x.narrow(-1, half, half);
        var rotated = cat([-second, first], -1);
        return (x * cosSin.Cos + rotated * cosSin.Sin).MoveToOuterDisposeScope();
    }
}

/// <summary>The cos and sin tables for one forward pass.</summary>
internal sealed record CosSin(Tensor Cos, Tensor Sin) : IDisposable
{
    public void Dispose()
    {
        Cos.Dispose();
        Sin.Dispose();
    }
}
