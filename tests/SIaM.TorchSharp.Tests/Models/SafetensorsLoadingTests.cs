using System.Text.Json;
using SIaM.Core;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

/// <summary>Sharded and BF16 checkpoints, written here from the F32 fixture with PyBridge's safetensors writer.</summary>
public sealed class SafetensorsLoadingTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("siam-checkpoint").FullName;
        File.Copy(Path.Combine(Fixtures.TinyLlama, "config.json"), Path.Combine(_folder, "config.json"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, Tensor> FixtureWeights() =>
        Safetensors.LoadStateDict(Path.Combine(Fixtures.TinyLlama, "model.safetensors"));

    private static bool Same(Tensor a, Tensor b)
    {
        using var equal = a.eq(b);
        using var all = equal.all();
        return all.item<bool>();
    }

    private static Tensor PrefillLogits(CausalLm lm)
    {
        using var ids = tensor(new long[,] { { 1, 15043, 3186 } });
        using var valid = ones_like(ids, ScalarType.Bool);
        return lm.Forward(ids, valid);
    }

    [Test]
    public void A_sharded_checkpoint_loads_the_same_weights_as_the_single_file()
    {
        // Arrange: layer 0 in one shard, everything else in the other, plus the index
        var weights = FixtureWeights();
        var first = weights.Where(w => w.Key.StartsWith("model.layers.0.", StringComparison.Ordinal)).ToDictionary();
        var second = weights.Where(w => !first.ContainsKey(w.Key)).ToDictionary();
        Safetensors.SaveStateDict(Path.Combine(_folder, "model-00001-of-00002.safetensors"), first);
        Safetensors.SaveStateDict(Path.Combine(_folder, "model-00002-of-00002.safetensors"), second);
        var map = first.Keys.ToDictionary(k => k, _ => "model-00001-of-00002.safetensors");
        foreach (var k in second.Keys) map[k] = "model-00002-of-00002.safetensors";
        File.WriteAllText(Path.Combine(_folder, "model.safetensors.index.json"), JsonSerializer.Serialize(new { metadata = new { }, weight_map = map }));
        using var single = CausalLm.FromPretrained(Fixtures.TinyLlama);

        // Act
        using var sharded = CausalLm.FromPretrained(_folder);

        // Assert
        using var expected = PrefillLogits(single);
        using var actual = PrefillLogits(sharded);
        Assert.That(Same(actual, expected), Is.True);
        foreach (var t in weights.Values) t.Dispose();
    }

    [Test]
    public void A_bf16_checkpoint_loads_as_the_bf16_values_widened_to_float32()
    {
        // Arrange
        var weights = FixtureWeights();
        var bf16 = weights.ToDictionary(w => w.Key, w => w.Value.to_type(ScalarType.BFloat16));
        Safetensors.SaveStateDict(Path.Combine(_folder, "model.safetensors"), bf16);

        // Act
        using var lm = CausalLm.FromPretrained(_folder);

        // Assert
        var loaded = lm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.That(loaded.Keys, Is.EquivalentTo(weights.Keys));
        foreach (var (name, value) in bf16)
        {
            Assert.That(loaded[name].dtype, Is.EqualTo(ScalarType.Float32));
            using var widened = value.to_type(ScalarType.Float32);
            Assert.That(Same(loaded[name], widened), Is.True, name);
        }
        using var any = bf16["model.embed_tokens.weight"].to_type(ScalarType.Float32);
        Assert.That(Same(any, weights["model.embed_tokens.weight"]), Is.False, "bf16 rounding must have changed some values");
        foreach (var t in weights.Values.Concat(bf16.Values)) t.Dispose();
    }

    [Test]
    public void A_checkpoint_missing_a_weight_fails_naming_it()
    {
        // Arrange
        var weights = FixtureWeights();
        weights.Remove("model.layers.1.mlp.up_proj.weight", out var removed);
        removed!.Dispose();
        Safetensors.SaveStateDict(Path.Combine(_folder, "model.safetensors"), weights);

        // Act
        var error = Assert.Throws<InputException>(() => CausalLm.FromPretrained(_folder))!;

        // Assert
        Assert.That(error.Message, Does.Contain("lacks weights").And.Contain("model.layers.1.mlp.up_proj.weight"));
        foreach (var t in weights.Values) t.Dispose();
    }
}
