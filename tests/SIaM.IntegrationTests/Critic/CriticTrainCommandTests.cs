using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.Critic;

/// <summary>`siam critic train` end to end on the tiny Llama fixture.</summary>
public sealed class CriticTrainCommandTests
{
    private static JsonObject Line(string prompt, bool label) => new()
    {
        ["id"] = prompt,
        ["sample"] = 0,
        ["prompt"] = prompt,
        ["response"] = label ? "YES" : "NO",
        ["label"] = label,
    };

    /// <summary>Critic data where the prompt's last word decides: "same" → YES, "different" → NO.</summary>
    private static string Data(TempDirectory temp, int train, int heldOut)
    {
        var directory = Directory.CreateDirectory(temp.File("data")).FullName;
        IEnumerable<string> Lines(int from, int count) => Enumerable.Range(from, count).SelectMany(i => new[]
            { Line($"case {i}: the outputs are the same", true).ToJsonString(), Line($"case {i}: the outputs are different", false).ToJsonString() });
        File.WriteAllLines(Path.Combine(directory, "train.jsonl"), Lines(0, train));
        File.WriteAllLines(Path.Combine(directory, "heldout.jsonl"), Lines(100, heldOut));
        return directory;
    }

    [Test]
    public async Task Trains_an_hf_checkpoint_on_critic_data_and_reports_held_out_accuracy_and_ece()
    {
        // Arrange
        using var temp = new TempDirectory();
        var data = Data(temp, train: 8, heldOut: 4);

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "train",
            "--data", data,
            "--base", $"hf:{SharedFixtures.TinyLlama}",
            "--out", temp.File("critic"),
            "--steps", "40", "--batch-size", "8", "--lr", "1e-2");

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(
            outcome.Stdout,
            Does.Contain("trained 40 steps on 16 examples")
                .And.Contain("| critic (P(YES) ≥ 0.5) | 8 | 0 |")
                .And.Contain($"checkpoint: hf:{temp.File("critic")}"));
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "critic-train.json" })
            Assert.That(File.Exists(Path.Combine(temp.File("critic"), file)), Is.True, file);
        var report = JsonNode.Parse(File.ReadAllText(temp.File("critic/critic-train.json")))!;
        Assert.That(report["heldout"]!["n"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(report["heldout"]!["accuracy"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.75));
        Assert.That(report["train"]!["last_loss"]!.GetValue<double>(), Is.LessThan(report["train"]!["first_loss"]!.GetValue<double>()));
    }

    [Test]
    public async Task Names_the_file_and_line_of_a_malformed_example_exits_2_and_writes_nothing()
    {
        // Arrange
        using var temp = new TempDirectory();
        var data = Data(temp, train: 2, heldOut: 1);
        File.AppendAllText(Path.Combine(data, "heldout.jsonl"), "{\"prompt\": \"x\", \"response\": \"PERHAPS\"}\n");

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "train",
            "--data", data,
            "--base", $"hf:{SharedFixtures.TinyLlama}",
            "--out", temp.File("critic"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stderr);
        Assert.That(outcome.Stderr, Does.Contain($"{Path.Combine(data, "heldout.jsonl")}:3: \"response\" must be YES or NO"));
        Assert.That(Directory.Exists(temp.File("critic")), Is.False);
    }

    [Test]
    public async Task Refuses_an_empty_training_set_with_exit_2()
    {
        // Arrange
        using var temp = new TempDirectory();
        var data = Data(temp, train: 0, heldOut: 1);

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "train",
            "--data", data,
            "--base", $"hf:{SharedFixtures.TinyLlama}",
            "--out", temp.File("critic"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stderr);
        Assert.That(outcome.Stderr, Does.Contain("train.jsonl: no examples to train on"));
        Assert.That(Directory.Exists(temp.File("critic")), Is.False);
    }

    [Test]
    public async Task Refuses_a_base_model_whose_tokenizer_cannot_write_yes_with_exit_2()
    {
        // Arrange: the tiny Llama with every vocabulary entry holding a 'Y' removed and no byte fallback
        using var temp = new TempDirectory();
        var data = Data(temp, train: 2, heldOut: 1);
        var baseModel = Directory.CreateDirectory(temp.File("no-yes")).FullName;
        foreach (var file in Directory.GetFiles(SharedFixtures.TinyLlama)) File.Copy(file, Path.Combine(baseModel, Path.GetFileName(file)));
        var tokenizer = JsonNode.Parse(File.ReadAllText(Path.Combine(baseModel, "tokenizer.json")))!;
        var model = tokenizer["model"]!.AsObject();
        model["byte_fallback"] = false;
        foreach (var name in model["vocab"]!.AsObject().Select(p => p.Key).Where(k => k.Contains('Y') && !k.StartsWith('<')).ToList())
            model["vocab"]!.AsObject().Remove(name);
        model["merges"] = new JsonArray(model["merges"]!.AsArray()
            .Where(m => !(m is JsonArray pair ? string.Concat(pair.Select(p => p!.GetValue<string>())) : m!.GetValue<string>()).Contains('Y'))
            .Select(m => m!.DeepClone()).ToArray());
        File.WriteAllText(Path.Combine(baseModel, "tokenizer.json"), tokenizer.ToJsonString());

        // Act
        var outcome = await Siam.RunAsync(temp.Path, "critic", "train", "--data", data, "--base", $"hf:{baseModel}", "--out", temp.File("critic"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stderr);
        Assert.That(outcome.Stderr, Does.Contain($"hf:{baseModel}: the base model cannot answer YES/NO: 'YES' is tokenised as 'ES'"));
        Assert.That(Directory.Exists(temp.File("critic")), Is.False);
    }
}
