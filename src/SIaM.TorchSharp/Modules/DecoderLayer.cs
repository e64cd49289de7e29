using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Modules;

/// <summary>Pre-norm decoder block: attention and SwiGLU MLP, each with a residual connection.</summary>
internal sealed class DecoderLayer : nn.Module
{
    public readonly Attention self_attn;
    public readonly Mlp mlp;
    public readonly RmsNorm input_layernorm;
    public readonly RmsNorm post_attention_layernorm;

    public DecoderLayer(CausalLmConfig config, int layer, Device device, ScalarType dtype) : base(nameof(DecoderLayer))
    {
        self_attn = new Attention(config, layer, device, dtype);
        mlp = new Mlp(config, device, dtype);
        input_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        post_attention_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        register_module(nameof(self_attn), self_attn);
        register_module(nameof(mlp), mlp);
        register_module(nameof(input_layernorm), input_layernorm);
        register_module(nameof(post_attention_layernorm), post_attention_layernorm);
    }

    /// <summary>(B, T, C) -> (B, T, C)</summary>
    public Tensor Forward(Tensor x, CosSin cosSin, Tensor mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var h = x + self_attn.Forward(input_layernorm.forward(x), cosSin, mask, cache);
        return (h + mlp.forward(post_attention_layernorm.forward(h))).MoveToOuterDisposeScope();
    }
}
