using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace SIaM.TorchSharp.Modules;

/// <summary>Root-mean-square layer norm, computed in float32 and cast back (as Hugging Face does).</summary>
internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    public readonly Parameter weight;
    private readonly double _eps;

    public RmsNorm(long dimension, double eps, Device device, ScalarType dtype) : base(nameof(RmsNorm))
    {
        _eps = eps;
        weight = new Parameter(ones([dimension], dtype, device), requires_grad: false);
        register_parameter(nameof(weight), weight);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var x32 = x.to_type(ScalarType.Float32);
        var variance = x32.pow(2).mean([-1L], keepdim: true);
        var normed = (x32 * (variance + _eps).rsqrt()).to_type(x.dtype);
        return (weight * normed).MoveToOuterDisposeScope();
    }
}
