using System.Security.Cryptography;
using SIaM.Core;
using SIaM.Evaluation.Fingerprints;

namespace SIaM.Tests.Runs;

public sealed class ModelFingerprintsTests
{
    [Test]
    public void A_checkpoint_is_hashed_over_config_tokenizer_and_weights_once_then_from_the_cache()
    {
        // Arrange
        using var temp = new TempDirectory();
        var cache = new FileHashCache(temp.File("cache.json"));

        // Act
        var first = ModelFingerprints.Hf("hf:tiny", SharedFixtures.TinyLlama, cache);
        var hashedFirst = cache.Hashed;
        var second = ModelFingerprints.Hf("hf:tiny", SharedFixtures.TinyLlama + "#threads=1", new FileHashCache(temp.File("cache.json")));

        // Assert
        Assert.That(first.Details.Keys, Does.Contain("config.json").And.Contain("model.safetensors").And.Contain("tokenizer.json"));
        var weights = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(SharedFixtures.TinyLlama, "model.safetensors"))));
        Assert.That(first.Details["model.safetensors"], Is.EqualTo(weights));
        Assert.That(hashedFirst, Is.EqualTo(first.Details.Count));
        Assert.That(second.ContentSha256, Is.EqualTo(first.ContentSha256));
    }

    [Test]
    public void A_changed_file_is_hashed_again_even_with_the_same_path()
    {
        // Arrange: a copy of the checkpoint whose weights change after the first fingerprint
        using var temp = new TempDirectory();
        var model = Path.Combine(temp.Path, "model");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(SharedFixtures.TinyLlama)) File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        var cache = new FileHashCache(temp.File("cache.json"));
        var before = ModelFingerprints.Hf("hf:m", model, cache);

        // Act
        File.AppendAllText(Path.Combine(model, "model.safetensors"), " ");
        var after = ModelFingerprints.Hf("hf:m", model, cache);

        // Assert
        Assert.That(after.ContentSha256, Is.Not.EqualTo(before.ContentSha256));
        Assert.That(after.Details["config.json"], Is.EqualTo(before.Details["config.json"]));
    }

    [Test]
    public void A_replay_file_is_identified_by_its_sha256()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("r.jsonl"), "{}\n");

        var fingerprint = ModelFingerprints.Replay("replay:r.jsonl", temp.File("r.jsonl"), new FileHashCache(temp.File("c.json")));

        Assert.That(fingerprint.ContentSha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData("{}\n"u8.ToArray()))));
    }

    [Test]
    public void A_directory_without_a_config_is_a_clear_input_error()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<InputException>(() => ModelFingerprints.Hf("hf:x", temp.Path, new FileHashCache(temp.File("c.json"))))!;

        Assert.That(error.Message, Does.Contain("no config.json"));
    }
}
