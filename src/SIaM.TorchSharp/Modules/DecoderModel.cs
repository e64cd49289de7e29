using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Modules;

/// <summary>The <c>model.*</c> part of a checkpoint: token embedding, decoder layers, final norm.</summary>
internal sealed class DecoderModel : nn.Module
{
    public readonly Embedding embed_tokens;
    public readonly nn.Module layers;
    public readonly RmsNorm norm;
    private readonly DecoderLayer[] _layers;
    private readonly RotaryEmbedding _rotary;

    public DecoderModel(CausalLmConfig config, Device device, ScalarType dtype) : base(nameof(DecoderModel))
    {
        embed_tokens = new Embedding(config.VocabSize, config.HiddenSize, device, dtype);
        _layers = Enumerable.Range(0, config.NumHiddenLayers).Select(i => new DecoderLayer(config, i, device, dtype)).ToArray();
        layers = nn.ModuleList(_layers);
        norm = new RmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        _rotary = new RotaryEmbedding(config);
        register_module(nameof(embed_tokens), embed_tokens);
        register_module(nameof(layers), layers);
        register_module(nameof(norm), norm);
    }

    /// <summary>ids (B, T), positions (B, T), mask (B, 1, T, L) -> hidden states (B, T, C).</summary>
    public Tensor Forward(Tensor ids, Tensor positions, Tensor mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var h = embed_tokens.forward(ids);
        using var cosSin = _rotary.Compute(positions, h.dtype);
        foreach (var layer in _layers) h = layer.Forward(h, cosSin, mask, cache);
        cache?.Advance(ids.shape[1]);
        return norm.forward(h).MoveToOuterDisposeScope();
    }
}
