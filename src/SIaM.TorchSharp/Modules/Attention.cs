using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Modules;

/// <summary>Multi-head attention with grouped key/value heads, rotary positions and an optional KV cache.</summary>
internal sealed class Attention : nn.Module
{
    public readonly Linear q_proj;
    public readonly Linear k_proj;
    public readonly Linear v_proj;
    public readonly Linear o_proj;
    private readonly int _heads;
    private readonly int _kvHeads;
    private readonly int _headDim;
    private readonly int _layer;

    public Attention(CausalLmConfig config, int layer, Device device, ScalarType dtype) : base(nameof(Attention))
    {
        _heads = config.NumAttentionHeads;
        _kvHeads = config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        _layer = layer;
        q_proj = new Linear(config.HiddenSize, _heads * _headDim, config.QkvBias, device, dtype);
        k_proj = new Linear(config.HiddenSize, _kvHeads * _headDim, config.QkvBias, device, dtype);
        v_proj = new Linear(config.HiddenSize, _kvHeads * _headDim, config.QkvBias, device, dtype);
        o_proj = new Linear(_heads * _headDim, config.HiddenSize, config.OutputBias, device, dtype);
        register_module(nameof(q_proj), q_proj);
        register_module(nameof(k_proj), k_proj);
        register_module(nameof(v_proj), v_proj);
        register_module(nameof(o_proj), o_proj);
    }

    /// <param name="x">(B, T, C)</param>
    /// <param name="cosSin">(B, 1, T, D) each</param>
    /// <param name="mask">(B, 1, T, L) bool, true where a query may attend a key</param>
    /// <param name="cache">null for a full recompute</param>
    public Tensor Forward(Tensor x, CosSin cosSin, Tensor mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var q = q_proj.forward(x).view(b, t, _heads, _headDim).transpose(1, 2);    // (B, T, H*D) -> (B, H, T, D)
        var k = k_proj.forward(x).view(b, t, _kvHeads, _headDim).transpose(1, 2);  // (B, T, Hkv*D) -> (B, Hkv, T, D)
        var v = v_proj.forward(x).view(b, t, _kvHeads, _headDim).transpose(1, 2);
        q = RotaryEmbedding.Apply(q, cosSin);
        k = RotaryEmbedding.Apply(k, cosSin);
        if (cache is not null) (k, v) = cache.Append(_layer, k, v);
        var rep = _heads / _kvHeads;
        var l = k.shape[2];
        // Grouped-query attention without copying K/V per query head: query head h uses KV head h / rep, as in
        // Hugging Face repeat_kv. (B, H, T, D) -> (B, Hkv, rep*T, D)
        var grouped = q.reshape(b, _kvHeads, rep * t, _headDim);
        var scores = grouped.matmul(k.transpose(-2, -1)).to_type(ScalarType.Float32) / Math.Sqrt(_headDim); // (B, Hkv, rep*T, L)
        var groupedMask = rep == 1 ? mask : mask.unsqueeze(2).expand(b, 1, rep, t, l).reshape(b, 1, rep * t, l);
        scores = scores.masked_fill(groupedMask.logical_not(), float.MinValue);
        var probabilities = scores.softmax(-1).to_type(x.dtype);
        // (B, Hkv, rep*T, D) -> (B, H, T, D) -> (B, T, H*D)
        var context = probabilities.matmul(v).view(b, _heads, t, _headDim).transpose(1, 2).reshape(b, t, _heads * _headDim);
        return o_proj.forward(context).MoveToOuterDisposeScope();
    }
}
