namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>`siam eval` on an existing --out: a different identity is refused before any model is loaded, naming the fields.</summary>
public sealed class RunIdentityTests
{
    private static string[] Eval(string model, string outDir, params string[] extra) =>
        ["eval", "--model", model, "--benchmarks", "gsm8k", "--limit", "1", "--prompt", "cot", "--sandbox", "none", "--out", outDir, .. extra];

    [Test]
    public async Task Refuses_a_changed_replay_file_naming_its_hash_and_writes_nothing()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "gsm8k/0", "completion": "\\boxed{18}"}"""]);
        var first = await Siam.RunAsync(temp.Path, Eval("replay:r.jsonl", "run"));
        var before = Directory.GetFiles(temp.File("run")).ToDictionary(f => f, File.ReadAllText);
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "gsm8k/0", "completion": "\\boxed{17}"}"""]);

        // Act
        var second = await Siam.RunAsync(temp.Path, Eval("replay:r.jsonl", "run"));

        // Assert
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(second.ExitCode, Is.EqualTo(2), second.Stderr);
        Assert.That(second.Stderr, Does.Contain("different configuration").And.Contain("model.content_sha256"));
        Assert.That(Directory.GetFiles(temp.File("run")).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before));
    }

    [Test]
    public async Task Refuses_another_model_before_loading_it()
    {
        // Arrange: a "checkpoint" with a config but no weights: loading it would fail with a weights error
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "gsm8k/0", "completion": "\\boxed{18}"}"""]);
        Directory.CreateDirectory(temp.File("broken-model"));
        File.WriteAllText(temp.File("broken-model/config.json"), "{}");
        var first = await Siam.RunAsync(temp.Path, Eval("replay:r.jsonl", "run"));

        // Act
        var second = await Siam.RunAsync(temp.Path, Eval("hf:broken-model", "run"));

        // Assert: the identity check answered, not the model loader
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(second.ExitCode, Is.EqualTo(2), second.Stderr);
        Assert.That(second.Stderr, Does.Contain("different configuration").And.Contain("model.spec").And.Contain("model.details.config.json"));
        Assert.That(second.Stderr, Does.Not.Contain("safetensors"));
    }

    [Test]
    public async Task Rejects_a_pass_k_larger_than_the_number_of_samples()
    {
        using var temp = new TempDirectory();

        var outcome = await Siam.RunAsync(temp.Path, Eval("oracle:", "run", "--n", "2", "--temperature", "0.5", "--pass-k", "1,3"));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain("--pass-k: '3'"));
        Assert.That(Directory.Exists(temp.File("run")), Is.False);
    }
}
