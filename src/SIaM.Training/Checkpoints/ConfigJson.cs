using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.TorchSharp.Models;

namespace SIaM.Training.Checkpoints;

/// <summary>Writes a <see cref="CausalLmConfig"/> as the Hugging Face <c>config.json</c> that <see cref="CausalLmConfigReader"/> reads back equal.</summary>
public static class ConfigJson
{
    /// <summary>The config.json text (indented, fixed key order).</summary>
    public static string Write(CausalLmConfig c)
    {
        var architecture = c.ModelType switch { "qwen2" => "Qwen2ForCausalLM", "mistral" => "MistralForCausalLM", _ => "LlamaForCausalLM" };
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray(architecture),
            ["model_type"] = c.ModelType,
            ["vocab_size"] = c.VocabSize,
            ["hidden_size"] = c.HiddenSize,
            ["intermediate_size"] = c.IntermediateSize,
            ["num_hidden_layers"] = c.NumHiddenLayers,
            ["num_attention_heads"] = c.NumAttentionHeads,
            ["num_key_value_heads"] = c.NumKeyValueHeads,
            ["head_dim"] = c.HeadDim,
            ["hidden_act"] = "silu",
            ["rms_norm_eps"] = c.RmsNormEps,
            ["rope_theta"] = c.RopeTheta,
            ["tie_word_embeddings"] = c.TieWordEmbeddings,
            ["mlp_bias"] = c.MlpBias,
            ["max_position_embeddings"] = c.MaxPositionEmbeddings,
            ["eos_token_id"] = new JsonArray(c.EosTokenIds.Select(i => (JsonNode)i).ToArray()),
            ["torch_dtype"] = "float32",
        };
        // qwen2 always has q/k/v biases and no o_proj bias; llama and mistral say so with attention_bias.
        if (c.ModelType != "qwen2")
        {
            if (c.QkvBias != c.OutputBias) throw new ArgumentException($"{c.ModelType} cannot express q/k/v bias {c.QkvBias} with o_proj bias {c.OutputBias}");
            json["attention_bias"] = c.QkvBias;
        }
        else if (!c.QkvBias || c.OutputBias) throw new ArgumentException("qwen2 always has q/k/v biases and no o_proj bias");
        if (c.SlidingWindow is { } window) json["sliding_window"] = window;
        if (c.RopeScaling is { } s) json["rope_scaling"] = RopeScalingJson(s);
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    // The reader accepts only the fields each rope type uses.
    private static JsonObject RopeScalingJson(RopeScaling s)
    {
        var json = new JsonObject { ["rope_type"] = s.Type };
        if (s.Type is "linear" or "llama3") json["factor"] = s.Factor;
        if (s.Type != "llama3") return json;
        json["low_freq_factor"] = s.LowFreqFactor;
        json["high_freq_factor"] = s.HighFreqFactor;
        json["original_max_position_embeddings"] = s.OriginalMaxPositionEmbeddings;
        return json;
    }
}
