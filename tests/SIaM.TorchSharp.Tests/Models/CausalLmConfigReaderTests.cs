using System.Text.Json;
using SIaM.Core;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;

namespace SIaM.TorchSharp.Tests.Models;

public sealed class CausalLmConfigReaderTests
{
    private static CausalLmConfig Parse(string json) => CausalLmConfigReader.Parse(JsonDocument.Parse(json).RootElement, "config.json");

    [Test]
    public void Reads_the_tiny_llama_config()
    {
        // Act
        var config = CausalLmConfigReader.ReadDirectory(Fixtures.TinyLlama);

        // Assert
        Assert.That(config, Is.EqualTo(config with
        {
            ModelType = "llama",
            VocabSize = 32000,
            HiddenSize = 16,
            HeadDim = 16,
            NumHiddenLayers = 2,
            TieWordEmbeddings = false,
            QkvBias = false,
        }));
    }

    [Test]
    public void Unsupported_fields_fail_with_their_names()
    {
        // Arrange
        const string json =
            """{"model_type":"llama","hidden_size":8,"num_attention_heads":2,"vocab_size":10,"intermediate_size":16,"num_hidden_layers":1""" +
            ""","quantization_config":{},"moe_experts":4}""";

        // Act
        var error = Assert.Throws<InputException>(() => Parse(json))!;

        // Assert
        Assert.That(error.Message, Does.Contain("quantization_config").And.Contain("moe_experts"));
    }

    [TestCase("""{"model_type":"gpt2"}""", "model_type 'gpt2'")]
    [TestCase("""{"model_type":"llama","hidden_act":"gelu"}""", "hidden_act 'gelu'")]
    [TestCase("""{"model_type":"llama","rope_scaling":{"rope_type":"yarn","factor":4}}""", "rope_scaling type 'yarn'")]
    [TestCase("""{"model_type":"qwen2","use_sliding_window":true}""", "use_sliding_window")]
    public void Unsupported_values_fail_with_their_names(string json, string expected)
    {
        // Act
        var error = Assert.Throws<InputException>(() => Parse(json))!;

        // Assert
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void Llama_3_rope_scaling_keeps_high_frequencies_and_divides_low_ones_by_the_factor()
    {
        // Arrange
        var scaling = new RopeScaling("llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPositionEmbeddings: 8192);
        double[] frequencies = [1.0, 2 * Math.PI / 10000, 2 * Math.PI / 4096];

        // Act
        var scaled = scaling.Apply(frequencies);

        // Assert: wavelength 6.3 < 2048 stays; 10000 > 8192 is divided by 8; 4096 lies between and is blended
        Assert.That(scaled[0], Is.EqualTo(1.0));
        Assert.That(scaled[1], Is.EqualTo(frequencies[1] / 8).Within(1e-15));
        var smooth = (8192.0 / 4096 - 1) / (4 - 1);
        Assert.That(scaled[2], Is.EqualTo((1 - smooth) * frequencies[2] / 8 + smooth * frequencies[2]).Within(1e-15));
    }

    [Test]
    public void A_checkpoint_without_weights_fails_naming_the_folder()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("siam-no-weights").FullName;
        File.Copy(Path.Combine(Fixtures.TinyLlama, "config.json"), Path.Combine(folder, "config.json"));

        // Act
        var error = Assert.Throws<InputException>(() => CausalLm.FromPretrained(folder))!;
        Directory.Delete(folder, recursive: true);

        // Assert
        Assert.That(error.Message, Does.Contain(folder).And.Contain("model.safetensors"));
    }
}
