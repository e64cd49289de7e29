using SIaM.Core;
using SIaM.Testing;
using SIaM.TorchSharp;
using SIaM.TorchSharp.Models;
using SIaM.Training.Checkpoints;
using SIaM.Training.Models;
using SIaM.Training.Tests.Support;
using static TorchSharp.torch;

namespace SIaM.Training.Tests.Checkpoints;

public sealed class HfCheckpointWriterTests
{
    private static readonly CausalLmConfig Small =
        CausalLmConfig.Llama(vocabSize: 32000, hiddenSize: 16, intermediateSize: 32, layers: 2, heads: 2, kvHeads: 1) with
        {
            EosTokenIds = [2],
            MaxPositionEmbeddings = 256,
        };

    [Test]
    public void A_written_checkpoint_loads_back_through_hf_bit_exactly()
    {
        // Arrange: fresh weights, moved off their initial values by one gradient step
        using var temp = new TempDirectory();
        using var lm = FreshModel.Create(Small, seed: 7);
        using (var ids = tensor(new long[,] { { 1, 5, 9, 4 } }))
        using (var valid = ones_like(ids, ScalarType.Bool))
        using (var logits = lm.Forward(ids, valid))
        using (var loss = logits.pow(2).mean())
            loss.backward();
        using (no_grad())
            foreach (var p in lm.parameters()) p.sub_(p.grad! * 0.1);
        var directory = temp.File("ckpt");

        // Act
        HfCheckpointWriter.Write(lm, SharedFixtures.TinyLlama, directory);
        var backend = TorchSharpBackend.Load(directory);

        // Assert
        var loaded = backend.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.That(loaded.Keys, Is.EquivalentTo(lm.named_parameters().Select(p => p.name)));
        foreach (var (name, parameter) in lm.named_parameters())
            Assert.That(Tensors.BitEqual(parameter.detach(), loaded[name]), Is.True, name);
        Assert.That(backend.Model.Config with { EosTokenIds = [] }, Is.EqualTo(Small with { EosTokenIds = [] }));
        Assert.That(backend.Model.Config.EosTokenIds, Is.EqualTo(new[] { 2 }));
        Assert.That(File.Exists(Path.Combine(directory, "tokenizer_config.json")), Is.True);
    }

    [Test]
    public void Config_json_reads_back_equal_for_the_qwen2_fixture()
    {
        // Arrange
        using var temp = new TempDirectory();
        var original = CausalLmConfigReader.ReadDirectory(Path.Combine(SharedFixtures.ModelFixtures, "tiny-random-qwen2"));

        // Act
        File.WriteAllText(temp.File("config.json"), ConfigJson.Write(original));
        var read = CausalLmConfigReader.ReadDirectory(temp.Path);

        // Assert
        Assert.That(read with { EosTokenIds = [] }, Is.EqualTo(original with { EosTokenIds = [], TorchDtype = "float32" }));
        Assert.That(read.EosTokenIds, Is.EqualTo(original.EosTokenIds));
    }

    [Test]
    public void Writing_into_a_directory_that_holds_another_checkpoint_is_refused_and_leaves_it_untouched()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var lm = FreshModel.Create(Small, seed: 1);
        var directory = temp.File("ckpt");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.json"), "{}");

        // Act
        var error = Assert.Throws<InputException>(() => HfCheckpointWriter.Write(lm, SharedFixtures.TinyLlama, directory));

        // Assert
        Assert.That(error!.Message, Does.Contain("already exists"));
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EqualTo(new[] { "config.json" }));
        Assert.That(File.ReadAllText(Path.Combine(directory, "config.json")), Is.EqualTo("{}"));
    }

    [Test]
    public void Forward_records_gradients_for_trainable_parameters_and_none_for_frozen_ones()
    {
        // Arrange
        using var lm = FreshModel.Create(Small, seed: 3);
        using var ids = tensor(new long[,] { { 1, 2, 3 } });
        using var valid = ones_like(ids, ScalarType.Bool);

        // Act
        using var trainable = lm.Forward(ids, valid);
        lm.SetTrainable(false);
        using var frozen = lm.Forward(ids, valid);

        // Assert
        Assert.That(trainable.requires_grad, Is.True);
        Assert.That(frozen.requires_grad, Is.False);
    }
}
