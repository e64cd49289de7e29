using System.Text.Json;
using SIaM.Core;

namespace SIaM.TorchSharp.Models;

/// <summary>Reads and validates <c>config.json</c>; any field or value this implementation does not honour fails by name.</summary>
public static class CausalLmConfigReader
{
    private static readonly HashSet<string> SupportedModelTypes = ["llama", "qwen2", "mistral"];

    // Fields read below, plus metadata that does not change inference.
    private static readonly HashSet<string> KnownFields =
    [
        "architectures", "model_type", "vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "head_dim", "rms_norm_eps", "rope_theta", "rope_scaling",
        "tie_word_embeddings", "attention_bias", "mlp_bias", "hidden_act", "sliding_window", "use_sliding_window",
        "max_window_layers", "max_position_embeddings", "bos_token_id", "eos_token_id", "pad_token_id", "torch_dtype",
        "dtype", "transformers_version", "use_cache", "initializer_range", "attention_dropout", "pretraining_tp",
        "_name_or_path", "layer_types", "output_attentions", "output_hidden_states", "return_dict",
    ];

    /// <summary>Reads <c>DIR/config.json</c>.</summary>
    public static CausalLmConfig ReadDirectory(string directory) => ReadFile(Path.Combine(directory, "config.json"));

    /// <summary>Reads one config file.</summary>
    public static CausalLmConfig ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such file (a Hugging Face checkpoint needs config.json)");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: a field has the wrong type: {e.Message}");
        }
    }

    /// <summary>Parses a config object; <paramref name="source"/> names it in errors.</summary>
    public static CausalLmConfig Parse(JsonElement root, string source)
    {
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !KnownFields.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"{source}: unsupported config field(s): {string.Join(", ", unknown)}");

        var modelType = Text(root, "model_type", source) ?? throw Missing(source, "model_type");
        if (!SupportedModelTypes.Contains(modelType))
            throw new InputException($"{source}: unsupported model_type '{modelType}' (supported: {string.Join(", ", SupportedModelTypes)})");
        var act = Text(root, "hidden_act", source) ?? "silu";
        if (act != "silu") throw new InputException($"{source}: unsupported hidden_act '{act}' (only silu)");
        if (Int(root, "pretraining_tp") is { } tp && tp != 1) throw new InputException($"{source}: unsupported pretraining_tp {tp} (only 1)");
        if (Bool(root, "use_sliding_window") == true) throw new InputException($"{source}: unsupported use_sliding_window true");
        if (root.TryGetProperty("layer_types", out var layerTypes) && layerTypes.ValueKind == JsonValueKind.Array &&
            layerTypes.EnumerateArray().Any(t => t.GetString() != "full_attention"))
            throw new InputException($"{source}: unsupported layer_types other than full_attention");

        var ropeScaling = ReadRopeScaling(root, source);
        var hidden = Int(root, "hidden_size") ?? throw Missing(source, "hidden_size");
        var heads = Int(root, "num_attention_heads") ?? throw Missing(source, "num_attention_heads");
        var kvHeads = Int(root, "num_key_value_heads") ?? heads;
        if (heads % kvHeads != 0) throw new InputException($"{source}: num_attention_heads {heads} is not a multiple of num_key_value_heads {kvHeads}");
        var attentionBias = Bool(root, "attention_bias") ?? false;
        return new CausalLmConfig(
            ModelType: modelType,
            VocabSize: Int(root, "vocab_size") ?? throw Missing(source, "vocab_size"),
            HiddenSize: hidden,
            IntermediateSize: Int(root, "intermediate_size") ?? throw Missing(source, "intermediate_size"),
            NumHiddenLayers: Int(root, "num_hidden_layers") ?? throw Missing(source, "num_hidden_layers"),
            NumAttentionHeads: heads,
            NumKeyValueHeads: kvHeads,
            HeadDim: Int(root, "head_dim") ?? hidden / heads,
            RmsNormEps: Double(root, "rms_norm_eps") ?? 1e-6,
            RopeTheta: Double(root, "rope_theta") ?? 10000,
            RopeScaling: ropeScaling,
            TieWordEmbeddings: Bool(root, "tie_word_embeddings") ?? false,
            QkvBias: modelType == "qwen2" || attentionBias,
            OutputBias: modelType != "qwen2" && attentionBias,
            MlpBias: Bool(root, "mlp_bias") ?? false,
            SlidingWindow: modelType == "mistral" ? Int(root, "sliding_window") : null,
            MaxPositionEmbeddings: Int(root, "max_position_embeddings") ?? 4096,
            EosTokenIds: IntList(root, "eos_token_id"),
            TorchDtype: Text(root, "torch_dtype", source) ?? Text(root, "dtype", source));
    }

    private static RopeScaling? ReadRopeScaling(JsonElement root, string source)
    {
        if (!root.TryGetProperty("rope_scaling", out var scaling) || scaling.ValueKind == JsonValueKind.Null) return null;
        var type = Text(scaling, "rope_type", source) ?? Text(scaling, "type", source) ?? "default";
        var known = type switch
        {
            "default" => new HashSet<string> { "rope_type", "type" },
            "linear" => ["rope_type", "type", "factor"],
            "llama3" => ["rope_type", "type", "factor", "low_freq_factor", "high_freq_factor", "original_max_position_embeddings"],
            _ => throw new InputException($"{source}: unsupported rope_scaling type '{type}' (supported: default, linear, llama3)"),
        };
        var unknown = scaling.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0) throw new InputException($"{source}: unsupported rope_scaling field(s) for '{type}': {string.Join(", ", unknown)}");
        return new RopeScaling(type,
            Double(scaling, "factor") ?? 1,
            Double(scaling, "low_freq_factor") ?? 1,
            Double(scaling, "high_freq_factor") ?? 4,
            Int(scaling, "original_max_position_embeddings") ?? 8192);
    }

    private static InputException Missing(string source, string field) => new($"{source}: missing required field '{field}'");

    private static JsonElement? Get(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string? Text(JsonElement e, string name, string source) => Get(e, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw new InputException($"{source}: field '{name}' must be a string"),
    };

    private static int? Int(JsonElement e, string name) => Get(e, name)?.GetInt32();
    private static double? Double(JsonElement e, string name) => Get(e, name)?.GetDouble();
    private static bool? Bool(JsonElement e, string name) => Get(e, name)?.GetBoolean();

    private static IReadOnlyList<int> IntList(JsonElement e, string name) => Get(e, name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(x => x.GetInt32()).ToArray(),
        { } v => [v.GetInt32()],
    };
}
