using SIaM.Core;
using SIaM.SelfImprovement;
using SIaM.Testing;

namespace SIaM.Training.Tests.Improvement;

public sealed class SeedSpreadTests
{
    private static PairedGain Gain(int n, int loopOnly, int controlOnly) => new(n, 0, 0, loopOnly, controlOnly, 1.0);

    private static IterationSummary Row(int iteration, Dictionary<string, PairedGain>? gain) =>
        new(iteration, "sft", null, null, null, new Dictionary<string, SuiteScore>(), 0, Gain: gain);

    [Test]
    public void A_tier_pools_its_languages_paired_per_question_at_the_last_iteration()
    {
        // Arrange: iteration 1 is superseded by iteration 2
        IterationSummary[] rows =
        [
            Row(0, null),
            Row(1, new() { ["en-seed"] = Gain(90, 50, 0), ["zh-seed"] = Gain(90, 50, 0) }),
            Row(2, new() { ["en-seed"] = Gain(90, 12, 3), ["zh-seed"] = Gain(90, 4, 7), ["en-unseen"] = Gain(90, 1, 1) }),
        ];

        // Act
        var tiers = SeedSpread.Tiers(rows);

        // Assert: seed = (12 + 4 − 3 − 7) / 180 = 3.33 points
        Assert.That(tiers.Keys, Is.EquivalentTo(new[] { "seed", "unseen" }));
        Assert.That((tiers["seed"].N, tiers["seed"].LoopOnly, tiers["seed"].ControlOnly), Is.EqualTo((180, 16, 10)));
        Assert.That(tiers["seed"].Points, Is.EqualTo(100.0 * 6 / 180).Within(1e-12));
        Assert.That(tiers["unseen"].PValue, Is.EqualTo(1.0));
    }

    [Test]
    public void The_spread_is_the_sample_standard_deviation()
    {
        // Act
        var (mean, sd) = SeedSpread.MeanSd([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);

        // Assert: population sd 2, sample sd sqrt(32 / 7)
        Assert.That(mean, Is.EqualTo(5.0));
        Assert.That(sd, Is.EqualTo(Math.Sqrt(32.0 / 7)).Within(1e-12));
    }

    [Test]
    public void Runs_without_a_control_arm_are_refused_by_name()
    {
        // Act
        var error = Assert.Throws<InputException>(() => SeedSpread.Tiers([Row(0, null), Row(1, null)]));

        // Assert
        Assert.That(error!.Message, Does.Contain("--control"));
    }

    [Test]
    public void The_table_has_a_row_per_run_and_the_mean_minus_two_sd_per_tier()
    {
        // Arrange: two runs' iterations.json, as siam improve writes them (snake case)
        using var temp = new TempDirectory();
        foreach (var (name, loopOnly) in new[] { ("s0", 9), ("s1", 3) })
        {
            Directory.CreateDirectory(temp.File(name));
            File.WriteAllText(Path.Combine(temp.File(name), IterationsFile.Name), $$"""
                [{"iteration": 0, "algorithm": "start", "accuracy": {}, "mean_response_tokens": 0},
                 {"iteration": 1, "algorithm": "sft", "accuracy": {}, "mean_response_tokens": 0,
                  "gain": {"en-answer-only": {"n": 100, "loop": 0, "control": 0, "loop_only": {{loopOnly}}, "control_only": 0, "p_value": 1} } }]
                """);
        }

        // Act
        var table = SeedSpread.Render([temp.File("s0"), temp.File("s1")]);

        // Assert: +9 and +3 points: mean 6, sd 4.24, mean − 2 sd = −2.5
        Assert.That(table, Does.Contain("| s0 | +9.0 (0.004) |").And.Contain("| s1 | +3.0 (0.250) |"));
        Assert.That(table, Does.Contain("| mean ± sd | +6.0 ± 4.2 |").And.Contain("| mean − 2 sd | −2.5 |"));
    }
}
