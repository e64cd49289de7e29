using SIaM.Core;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;
using SIaM.Reporting.Tests.Comparing;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Gating;

public sealed class RegressionGateTests
{
    private static ScoreComparison Row(double baseAccuracy, double candidateAccuracy, double p) =>
        new("gsm8k", false, 1000, 1000, 0, baseAccuracy, candidateAccuracy, new Interval(-0.1, 0.1), 10, 5, p);

    [TestCase(0.80, 0.77, 0.01, true)]   // 3-point drop, significant
    [TestCase(0.80, 0.77, 0.20, false)]  // 3-point drop, not significant
    [TestCase(0.80, 0.795, 0.01, false)] // significant but only 0.5 points
    [TestCase(0.80, 0.85, 0.001, false)] // an improvement never fails
    public void Fails_only_when_the_drop_is_larger_than_the_threshold_and_significant(double b, double c, double p, bool fails)
    {
        var verdict = RegressionGate.Decide(Row(b, c, p), new GateThreshold(MaxDropPoints: 1, Alpha: 0.05));

        Assert.That(verdict.Failed, Is.EqualTo(fails));
    }

    [Test]
    public void Gate_file_sets_thresholds_per_benchmark_and_suite_over_the_default()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("gate.yaml"), "default:\n  max_drop: 2\nbenchmarks:\n  gsm8k: { max_drop: 0.5 }\nsuites:\n  zh-ood: { alpha: 0.01 }\n");

        var policy = GateFile.Read(temp.File("gate.yaml"), new GateThreshold(1, 0.05));

        Assert.That(policy.For("gsm8k", isSuite: false), Is.EqualTo(new GateThreshold(0.5, 0.05)));
        Assert.That(policy.For("math", isSuite: false), Is.EqualTo(new GateThreshold(2, 0.05)));
        Assert.That(policy.For("zh-ood", isSuite: true), Is.EqualTo(new GateThreshold(2, 0.01)));
    }

    [TestCase("default:\n  max_drop: [1\n", "gate.yaml:2")]
    [TestCase("default:\n  alpha: 2\n", "default.alpha must be in (0, 1)")]
    [TestCase("benchmarks:\n  gsm8k: { max_dropp: 1 }\n", "gate.yaml:2")]
    public void Malformed_gate_file_is_an_input_error_naming_the_file(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("gate.yaml"), yaml);

        var error = Assert.Throws<InputException>(() => GateFile.Read(temp.File("gate.yaml"), new GateThreshold(1, 0.05)));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Fixed_runs_fail_the_gate_on_gsm8k_and_pass_on_cmath()
    {
        using var temp = new TempDirectory();
        var comparison = RunComparer.Compare(
            RunComparerTests.Named(temp, "base", TestRuns.BaseSamples()), RunComparerTests.Named(temp, "cand", TestRuns.CandidateSamples()));

        var verdicts = RegressionGate.Evaluate(comparison, GatePolicy.Uniform(new GateThreshold(1, 0.05)));

        Assert.That(verdicts.Where(v => v.Failed).Select(v => v.Row.Name), Is.EquivalentTo(new[] { "gsm8k", "en-id" }));
    }
}
