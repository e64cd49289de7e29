using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Loading;
using SIaM.TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Models;

/// <summary>
/// A Llama / Qwen2 / Mistral causal language model whose parameter names equal the Hugging Face checkpoint's
/// (<c>model.layers.0.self_attn.q_proj.weight</c>, <c>lm_head.weight</c>, …). Parameters are frozen until
/// <see cref="SetTrainable"/>; <see cref="Forward"/> records a graph only for trainable parameters, and generation
/// (<see cref="BatchGenerator"/>) and scoring run under <c>no_grad</c>.
/// </summary>
public sealed class CausalLm : nn.Module
{
    internal readonly DecoderModel model;
    internal readonly Linear? lm_head;

    private CausalLm(CausalLmConfig config, Device device, ScalarType dtype) : base(nameof(CausalLm))
    {
        Config = config;
        Device = device;
        DType = dtype;
        model = new DecoderModel(config, device, dtype);
        register_module(nameof(model), model);
        if (!config.TieWordEmbeddings)
        {
            lm_head = new Linear(config.HiddenSize, config.VocabSize, false, device, dtype);
            register_module(nameof(lm_head), lm_head);
        }
    }

    /// <summary>The architecture.</summary>
    public CausalLmConfig Config { get; }

    /// <summary>Where the parameters live.</summary>
    public Device Device { get; }

    /// <summary>The compute dtype of the parameters.</summary>
    public ScalarType DType { get; }

    /// <summary>A model with uninitialised parameters (load weights or call <see cref="InitializeRandom"/>).</summary>
    public static CausalLm Create(CausalLmConfig config, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        TorchRuntime.EnsureConfigured();
        return new CausalLm(config, device ?? CPU, dtype);
    }

    /// <summary>Loads <c>config.json</c> and the safetensors weights of a Hugging Face checkpoint directory.</summary>
    /// <param name="directory">The checkpoint folder.</param>
    /// <param name="device">CPU when null.</param>
    /// <param name="dtype">Compute dtype; float32 when null (the weights are converted on load).</param>
    public static CausalLm FromPretrained(string directory, Device? device = null, ScalarType? dtype = null)
    {
        var config = CausalLmConfigReader.ReadDirectory(directory);
        var lm = Create(config, device, dtype ?? ScalarType.Float32);
        try
        {
            SafetensorsCheckpoint.LoadInto(lm, directory);
            return lm;
        }
        catch
        {
            lm.Dispose();
            throw;
        }
    }

    /// <summary>Deterministic random weights: normal(0, 0.02) matrices, unit norms, zero biases.</summary>
    public void InitializeRandom(long seed)
    {
        using var noGrad = no_grad();
        using var generator = new global::TorchSharp.torch.Generator((ulong)seed, Device);
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal)) parameter.fill_(1);
            else if (name.EndsWith(".bias", StringComparison.Ordinal)) parameter.zero_();
            else parameter.normal_(0, 0.02, generator);
        }
    }

    /// <summary>Makes every parameter require (or stop requiring) gradients.</summary>
    public void SetTrainable(bool trainable)
    {
        foreach (var parameter in parameters()) parameter.requires_grad = trainable;
    }

    /// <summary>A cache for <paramref name="batch"/> sequences of up to <paramref name="capacity"/> tokens.</summary>
    public KvCache CreateCache(long batch, long capacity) =>
        new(Config.NumHiddenLayers, batch, Config.NumKeyValueHeads, capacity, Config.HeadDim, DType, Device);

    /// <summary>
    /// ids (B, T) are the newest tokens; keyValid (B, L) bool marks the real tokens among all L = cached + T keys.
    /// Returns float32 logits (B, T, V), or (B, 1, V) for the last position only.
    /// </summary>
    public Tensor Forward(Tensor ids, Tensor keyValid, KvCache? cache = null, bool lastOnly = false) =>
        Forward(ids, keyValid, cache, lastOnly ? 1 : ids.shape[1]);

    /// <summary>
    /// As <see cref="Forward(Tensor, Tensor, KvCache?, bool)"/>, returning logits (B, N, V) of the last
    /// <paramref name="lastPositions"/> positions only.
    /// </summary>
    public Tensor Forward(Tensor ids, Tensor keyValid, KvCache? cache, long lastPositions)
    {
        using var scope = NewDisposeScope();
        var t = ids.shape[1];
        var expected = (cache?.Length ?? 0) + t;
        if (keyValid.shape[1] != expected)
            throw new ArgumentException($"keyValid has {keyValid.shape[1]} keys, expected cached {cache?.Length ?? 0} + new {t}");
        var positions = AttentionMask.Positions(keyValid, t);
        var mask = AttentionMask.Build(keyValid, t, Config.SlidingWindow);
        var hidden = model.Forward(ids, positions, mask, cache);
        if (lastPositions < t) hidden = hidden.narrow(1, t - lastPositions, lastPositions);
        var logits = lm_head is null ? nn.functional.linear(hidden, model.embed_tokens.weight) : lm_head.forward(hidden);
        return logits.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
