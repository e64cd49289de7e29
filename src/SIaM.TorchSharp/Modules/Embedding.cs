using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace SIaM.TorchSharp.Modules;

/// <summary>Token embedding table <c>(vocab, hidden)</c>.</summary>
internal sealed class Embedding : nn.Module<Tensor, Tensor>
{
    public readonly Parameter weight;

    public Embedding(long count, long dimension, Device device, ScalarType dtype) : base(nameof(Embedding))
    {
        // Same (C, V) storage layout as Linear, so that a tied lm_head multiplies by a contiguous matrix.
        using var storage = empty([dimension, count], dtype, device);
        using var transposed = storage.t();
        weight = new Parameter(transposed, requires_grad: false);
        register_parameter(nameof(weight), weight);
    }

    // (B, T) -> (B, T, C)
    public override Tensor forward(Tensor ids)
    {
        using var flat = ids.reshape(-1);
        using var rows = weight.index_select(0, flat);
        return rows.reshape([.. ids.shape, weight.shape[1]]);
    }
}
