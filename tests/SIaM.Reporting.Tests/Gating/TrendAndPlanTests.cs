using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Tests.Comparing;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Gating;

public sealed class TrendAndPlanTests
{
    [Test]
    public void Six_real_checkpoints_that_lose_problems_one_by_one_are_flagged_as_drift_and_a_flat_series_is_not()
    {
        // gsm8k: 40 problems; checkpoint t solves problems 0 .. 29 − 3t. cmath stays at 15 of 20.
        using var temp = new TempDirectory();
        List<SampleRecord> Checkpoint(int t) =>
        [
            .. Enumerable.Range(0, 40).Select(i => Samples.Of("gsm8k", i, i < 30 - 3 * t, i < 30 - 3 * t ? $"{i}" : "0")),
            .. Enumerable.Range(0, 20).Select(i => Samples.Of("cmath", i, i < 15, i < 15 ? $"{i}" : "0")),
        ];
        var decaying = Enumerable.Range(0, 6).Select(t => RunComparerTests.Named(temp, $"night-{t}", Checkpoint(t), step: t)).ToList();

        var verdicts = DriftGate.Evaluate(RunTrend.Build(decaying), 0.05);

        var gsm8k = verdicts.Single(v => v.Row.Name == "gsm8k");
        Assert.That(gsm8k.Row.Trend.Slope, Is.EqualTo(-3 / 40.0).Within(1e-12));
        Assert.That(gsm8k.Flagged, Is.True, gsm8k.Explanation);
        Assert.That(verdicts.Single(v => v.Row.Name == "cmath").Flagged, Is.False);
        Assert.That(verdicts.Single(v => v.Row.Name == "en-id").Flagged, Is.True);
        Assert.That(gsm8k.AdjustedPValue, Is.GreaterThanOrEqualTo(gsm8k.Row.Trend.PValue));
    }

    [Test]
    public void Plan_states_per_row_the_samples_needed_for_a_2_point_drop()
    {
        using var temp = new TempDirectory();
        var comparison = RunComparer.Compare(
            RunComparerTests.Named(temp, "base", TestRuns.BaseSamples()), RunComparerTests.Named(temp, "cand", TestRuns.CandidateSamples()));
        var verdicts = RegressionGate.Evaluate(comparison, GatePolicy.Uniform(new GateThreshold(1, 0.05)));

        var lines = GatePlan.Lines(verdicts, 2).ToList();

        // gsm8k: 9 flips in 39 pairs, so the flip rate is 9/39; cmath has no flips to measure.
        Assert.That(lines.Single(l => l.StartsWith("gsm8k:", StringComparison.Ordinal)),
            Does.Contain("flip rate 23.08% per sample pair").And.Contain("samples/problem"));
        Assert.That(lines.Single(l => l.StartsWith("cmath:", StringComparison.Ordinal)), Does.Contain("no flips between these runs"));
        Assert.That(GatePlan.SamplesNeeded(verdicts.Single(v => v.Row.Name == "gsm8k"), 2), Is.GreaterThan(1));
    }
}
