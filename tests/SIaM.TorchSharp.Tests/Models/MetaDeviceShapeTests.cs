using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

/// <summary>Real-size configs built on the meta device (no memory): Hugging Face names, shapes and published counts.</summary>
public sealed class MetaDeviceShapeTests
{
    private static CausalLm BuildOnMeta(string configFile) =>
        CausalLm.Create(CausalLmConfigReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Shapes", configFile)),
            device("meta"), ScalarType.BFloat16);

    private static Dictionary<string, long[]> Shapes(CausalLm lm) =>
        lm.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

    [Test]
    public void Qwen2_5_Math_1_5B_has_the_published_parameter_names_shapes_and_count()
    {
        // Arrange
        using var lm = BuildOnMeta("qwen2.5-math-1.5b.config.json");

        // Act
        var shapes = Shapes(lm);

        // Assert: 1,543,714,304 parameters (tied embeddings, q/k/v bias, 2 KV heads of 128)
        Assert.That(shapes.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b)), Is.EqualTo(1_543_714_304L));
        Assert.That(shapes, Has.Count.EqualTo(2 + 28 * 12));
        Assert.That(shapes.ContainsKey("lm_head.weight"), Is.False);
        AssertShapes(shapes, new()
        {
            ["model.embed_tokens.weight"] = [151936, 1536],
            ["model.norm.weight"] = [1536],
            ["model.layers.27.self_attn.q_proj.weight"] = [1536, 1536],
            ["model.layers.27.self_attn.q_proj.bias"] = [1536],
            ["model.layers.27.self_attn.k_proj.weight"] = [256, 1536],
            ["model.layers.27.self_attn.k_proj.bias"] = [256],
            ["model.layers.27.self_attn.v_proj.weight"] = [256, 1536],
            ["model.layers.27.self_attn.v_proj.bias"] = [256],
            ["model.layers.27.self_attn.o_proj.weight"] = [1536, 1536],
            ["model.layers.27.mlp.gate_proj.weight"] = [8960, 1536],
            ["model.layers.27.mlp.up_proj.weight"] = [8960, 1536],
            ["model.layers.27.mlp.down_proj.weight"] = [1536, 8960],
            ["model.layers.27.input_layernorm.weight"] = [1536],
            ["model.layers.27.post_attention_layernorm.weight"] = [1536],
        });
        Assert.That(shapes.ContainsKey("model.layers.0.self_attn.o_proj.bias"), Is.False);
    }

    [Test]
    public void Llama_3_8B_has_the_published_parameter_names_shapes_and_count()
    {
        // Arrange
        using var lm = BuildOnMeta("llama-3-8b.config.json");

        // Act
        var shapes = Shapes(lm);

        // Assert: 8,030,261,248 parameters (untied lm_head, 8 KV heads of 128, no biases)
        Assert.That(shapes.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b)), Is.EqualTo(8_030_261_248L));
        Assert.That(shapes, Has.Count.EqualTo(3 + 32 * 9));
        AssertShapes(shapes, new()
        {
            ["model.embed_tokens.weight"] = [128256, 4096],
            ["lm_head.weight"] = [128256, 4096],
            ["model.norm.weight"] = [4096],
            ["model.layers.31.self_attn.q_proj.weight"] = [4096, 4096],
            ["model.layers.31.self_attn.k_proj.weight"] = [1024, 4096],
            ["model.layers.31.self_attn.v_proj.weight"] = [1024, 4096],
            ["model.layers.31.self_attn.o_proj.weight"] = [4096, 4096],
            ["model.layers.31.mlp.gate_proj.weight"] = [14336, 4096],
            ["model.layers.31.mlp.up_proj.weight"] = [14336, 4096],
            ["model.layers.31.mlp.down_proj.weight"] = [4096, 14336],
            ["model.layers.31.input_layernorm.weight"] = [4096],
            ["model.layers.31.post_attention_layernorm.weight"] = [4096],
        });
    }

    private static void AssertShapes(Dictionary<string, long[]> actual, Dictionary<string, long[]> expected)
    {
        foreach (var (name, shape) in expected)
        {
            Assert.That(actual.ContainsKey(name), Is.True, $"missing {name}");
            Assert.That(actual[name], Is.EqualTo(shape), name);
        }
    }
}
