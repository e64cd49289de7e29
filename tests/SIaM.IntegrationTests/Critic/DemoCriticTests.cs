using System.Globalization;
using System.Text.Json.Nodes;
using SIaM.Critique.Calibration;
using SIaM.Critique.Prompts;
using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Critic;

namespace SIaM.IntegrationTests.Critic;

/// <summary>
/// <c>siam critic demo --size ci</c>: the critic of <c>siam improve --demo --demo-size ci</c>, trained from scratch on
/// the synthetic pool's critic data, must beat chance on its held-out cases (balanced YES/NO, so chance is 50 %) through
/// the same scorer path the loop uses (P(YES) vs P(NO) of the compact prompt).
/// </summary>
[Category("Training")]
public sealed class DemoCriticTests
{
    /// <summary>
    /// Minimum held-out accuracy on seed 0, recomputed from the independent re-scoring. Measured 2026-12-07 with the CI
    /// sizes (hidden 64, 2 layers, 1000 steps of 32, lr 2e-3) on the task with working, words and scale-word results
    /// (scripts/critic-spread.sh, docs/results/critic-ci-spread.md), seeds 0–4: 69.9, 64.1, 69.8, 56.9, 70.1 % (mean 66.2,
    /// sd 5.8); the margin is mean − 2 sd ≈ 54.6, rounded down to 54 %; seed 0 (69.9 %) is deterministic. A critic at
    /// chance scores 50 % ± 1.8 % (one sd over 788 cases), so 54 % is ≈ 2.2 sd above it. The trivial baseline (compare
    /// the two numbers) scores 86.5–91.0 % on the same cases: this critic does not beat it (docs/loop.md says so).
    /// </summary>
    private const double MinimumAccuracy = 0.54;

    [Test]
    public async Task The_ci_demo_critic_beats_chance_on_its_held_out_cases_rescored_independently_beside_the_trivial_baseline()
    {
        // Arrange
        using var temp = new TempDirectory();
        var directory = temp.File("critic");
        var scores = temp.File("scores.jsonl");

        // Act: train, then re-score the held-out labels file with `critic calibrate`, not the trainer's scorer
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(5), temp.Path, "critic", "demo", "--size", "ci", "--seed", "0", "--out", directory);
        var labels = Path.Combine(directory, "data", DemoCritic.HeldOutLabels);
        var calibrate = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, "critic", "calibrate", "--critic", "hf:" + Path.Combine(directory, "model"),
            "--critic-format", "compact", "--labels", labels, "--scores", scores);

        // Assert: the labels file is the held-out set (the same compact prompts, in order), balanced
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(calibrate.ExitCode, Is.EqualTo(0), calibrate.Stderr);
        var heldOut = Lines(Path.Combine(directory, "data", "heldout.jsonl"));
        var cases = LabelsFile.Read(labels);
        Assert.That(cases.Select(c => CriticPrompt.Compact(c.Case)), Is.EqualTo(heldOut.Select(l => l["prompt"]!.GetValue<string>())));
        Assert.That(cases.Count(c => c.Label), Is.EqualTo(cases.Count / 2), "balanced: chance is 50 %");

        // the accuracy recomputed here from the per-case scores and the labels file's labels
        var scored = Lines(scores);
        Assert.That(scored.Select(l => l["id"]!.GetValue<string>()), Is.EqualTo(cases.Select(c => c.Case.Id)));
        var accuracy = scored.Zip(cases).Count(x => (x.First["p_yes"]!.GetValue<double>() >= 0.5) == x.Second.Label) / (double)cases.Count;
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(MinimumAccuracy), outcome.Stdout + outcome.Stderr);
        var reported = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "model", "critic-train.json")))!["heldout"]!["accuracy"]!.GetValue<double>();
        Assert.That(reported, Is.EqualTo(accuracy).Within(1.0 / cases.Count), "the trainer's own figure agrees with the independent one");

        // the trivial baseline (compare the two numbers), recomputed from the labels file, is the row the command prints
        var trivial = cases.Count(c => DemoTruth.Correct(c.Case.Reference, c.Case.Output ?? "") == c.Label) / (double)cases.Count;
        var row = string.Create(CultureInfo.InvariantCulture, $"| trivial baseline (compare the two numbers) | {cases.Count} | {trivial:0.000} |");
        Assert.That(outcome.Stdout, Does.Contain(row));
        Assert.That(outcome.Stdout, Does.Contain("| critic (P(YES) ≥ 0.5) |").And.Contain("| rule filter |"));
    }

    private static List<JsonNode> Lines(string path) => File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!).ToList();
}
