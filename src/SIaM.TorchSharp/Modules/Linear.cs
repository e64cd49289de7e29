using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace SIaM.TorchSharp.Modules;

/// <summary><c>y = x Wᵀ + b</c> with uninitialised parameters (they are loaded or initialised by the caller).</summary>
internal sealed class Linear : nn.Module<Tensor, Tensor>
{
    public readonly Parameter weight;
    public readonly Parameter? bias;

    public Linear(long inFeatures, long outFeatures, bool hasBias, Device device, ScalarType dtype) : base(nameof(Linear))
    {
        weight = new Parameter(empty([outFeatures, inFeatures], dtype, device), requires_grad: false);
        register_parameter(nameof(weight), weight);
        if (hasBias)
        {
            bias = new Parameter(empty([outFeatures], dtype, device), requires_grad: false);
            register_parameter(nameof(bias), bias);
        }
    }

    public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);
}
