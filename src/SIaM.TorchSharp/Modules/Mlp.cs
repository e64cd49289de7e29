using SIaM.TorchSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Modules;

/// <summary>SwiGLU feed-forward: <c>down_proj(silu(gate_proj(x)) * up_proj(x))</c>.</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>
{
    public readonly Linear gate_proj;
    public readonly Linear up_proj;
    public readonly Linear down_proj;

    public Mlp(CausalLmConfig config, Device device, ScalarType dtype) : base(nameof(Mlp))
    {
        gate_proj = new Linear(config.HiddenSize, config.IntermediateSize, config.MlpBias, device, dtype);
        up_proj = new Linear(config.HiddenSize, config.IntermediateSize, config.MlpBias, device, dtype);
        down_proj = new Linear(config.IntermediateSize, config.HiddenSize, config.MlpBias, device, dtype);
        register_module(nameof(gate_proj), gate_proj);
        register_module(nameof(up_proj), up_proj);
        register_module(nameof(down_proj), down_proj);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return down_proj.forward(nn.functional.silu(gate_proj.forward(x)) * up_proj.forward(x)).MoveToOuterDisposeScope();
    }
}
