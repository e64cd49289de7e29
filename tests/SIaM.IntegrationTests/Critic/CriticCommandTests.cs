using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.Critic;

/// <summary>`siam critic calibrate` and `siam critic data` end to end.</summary>
public sealed class CriticCommandTests
{
    [Test]
    public async Task Calibrate_prints_the_metrics_the_reliability_table_and_the_best_threshold()
    {
        // Arrange
        using var temp = new TempDirectory();
        double[] pYes = [0.9, 0.8, 0.7, 0.4, 0.2, 0.1];
        bool[] labels = [true, true, false, true, false, false];
        File.WriteAllLines(temp.File("labels.jsonl"), labels.Select((l, i) => new JsonObject
        { ["id"] = $"l/{i}", ["question"] = "q", ["reference"] = "1", ["answer"] = "1", ["label"] = l ? "yes" : "no" }.ToJsonString()));
        File.WriteAllLines(
            temp.File("critic.jsonl"),
            pYes.Select((p, i) => new JsonObject { ["id"] = $"l/{i}", ["sample"] = 0, ["p_yes"] = p }.ToJsonString()));

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "calibrate",
            "--critic", $"replay:{temp.File("critic.jsonl")}",
            "--labels", temp.File("labels.jsonl"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(
            outcome.Stdout,
            Does.Contain("cases 6 (unscored 0) at threshold 0.500: accuracy 0.667, precision 0.667, recall 0.667, F1 0.667, ECE 0.317"));
        Assert.That(outcome.Stdout, Does.Contain("| 0.900–1.000 | 1 | 0.900 | 1.000 |"));
        Assert.That(outcome.Stdout, Does.Contain("best threshold 0.400 (accuracy 0.833)"));
    }

    [Test]
    public async Task Calibrate_names_the_file_and_line_of_a_malformed_label_and_exits_2()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("labels.jsonl"), ["""{"question": "q", "reference": "1", "label": "yes"}""", """{"question": "q", "reference": 1"""]);
        File.WriteAllText(temp.File("critic.jsonl"), ""); // the critic's options are checked before the labels are read

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "calibrate",
            "--critic", $"replay:{temp.File("critic.jsonl")}",
            "--labels", temp.File("labels.jsonl"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain($"{temp.File("labels.jsonl")}:2: malformed labels line"));
    }

    [Test]
    public async Task Critic_data_writes_balanced_splits_in_the_documented_format()
    {
        // Arrange: gsm8k through the oracle (all correct) plus a replay run with wrong answers
        using var temp = new TempDirectory();
        var data = SharedFixtures.BenchmarksData;
        File.WriteAllLines(
            temp.File("wrong.jsonl"),
            Enumerable.Range(0, 40)
                .Select(i => new JsonObject { ["id"] = $"gsm8k/{i}", ["completion"] = "The answer is \\boxed{-1}." }.ToJsonString()));
        var oracle = await Siam.RunAsync(
            temp.Path,
            "eval",
            "--model", "oracle:",
            "--benchmarks", "gsm8k",
            "--limit", "40",
            "--sandbox", "local-unsafe",
            "--data", data,
            "--out", temp.File("right"));
        var wrong = await Siam.RunAsync(
            temp.Path,
            "eval",
            "--model", $"replay:{temp.File("wrong.jsonl")}",
            "--benchmarks", "gsm8k",
            "--limit", "40",
            "--prompt", "cot",
            "--sandbox", "none",
            "--data", data,
            "--out", temp.File("wrong"));

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critic", "data", temp.File("right"), temp.File("wrong"),
            "--data", data,
            "--out", temp.File("set"),
            "--held-out", "0.2");

        // Assert
        Assert.That((oracle.ExitCode, wrong.ExitCode, outcome.ExitCode), Is.EqualTo((0, 0, 0)), oracle.Stderr + wrong.Stderr + outcome.Stderr);
        var train = File.ReadAllLines(temp.File("set/train.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        var heldOut = File.ReadAllLines(temp.File("set/heldout.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.That(train.Count(e => e["response"]!.GetValue<string>() == "YES"), Is.EqualTo(train.Count / 2).And.GreaterThan(10));
        Assert.That(heldOut, Is.Not.Empty);
        Assert.That(train.Select(e => e["id"]!.GetValue<string>()).Intersect(heldOut.Select(e => e["id"]!.GetValue<string>())), Is.Empty);
        Assert.That(train[0]["prompt"]!.GetValue<string>(), Does.Contain("### Reference answer").And.EndWith("Answer:"));
        Assert.That(train[0]["messages"]!.AsArray(), Has.Count.EqualTo(2));
        var manifest = JsonNode.Parse(File.ReadAllText(temp.File("set/manifest.json")))!;
        Assert.That(manifest["train"]!["examples"]!.GetValue<int>(), Is.EqualTo(train.Count));
    }
}
