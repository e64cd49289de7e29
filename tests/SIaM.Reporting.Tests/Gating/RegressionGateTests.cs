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
    public void Fixed_runs_fail_the_gate_on_gsm8k_and_pass_on_cmath_when_rows_are_judged_alone()
    {
        using var temp = new TempDirectory();
        var comparison = RunComparer.Compare(
            RunComparerTests.Named(temp, "base", TestRuns.BaseSamples()), RunComparerTests.Named(temp, "cand", TestRuns.CandidateSamples()));

        var verdicts = RegressionGate.Evaluate(comparison, GatePolicy.Uniform(new GateThreshold(1, 0.05), GateFamily.PerRow));

        Assert.That(verdicts.Where(v => v.Failed).Select(v => v.Row.Name), Is.EquivalentTo(new[] { "gsm8k", "en-id" }));
        Assert.That(verdicts.Select(v => v.AdjustedPValue), Is.EqualTo(verdicts.Select(v => v.Row.PValue)));
    }

    [Test]
    public void Holm_over_the_four_rows_of_the_fixed_runs_adjusts_p_0_039_to_0_156_and_passes()
    {
        // gsm8k and en-id have p = 0.0391 (8 down, 1 up); cmath and zh-id 1. Holm: 4·0.0391, then max(that, 3·0.0391).
        using var temp = new TempDirectory();
        var comparison = RunComparer.Compare(
            RunComparerTests.Named(temp, "base", TestRuns.BaseSamples()), RunComparerTests.Named(temp, "cand", TestRuns.CandidateSamples()));

        var verdicts = RegressionGate.Evaluate(comparison, GatePolicy.Uniform(new GateThreshold(1, 0.05)));

        var gsm8k = verdicts.Single(v => v.Row.Name == "gsm8k");
        Assert.That(gsm8k.AdjustedPValue, Is.EqualTo(4 * McNemar.ExactPValue(8, 1)).Within(1e-12));
        Assert.That(verdicts.Where(v => v.Failed), Is.Empty);
        Assert.That(gsm8k.Family, Is.EqualTo("Holm over 4 rows"));
        Assert.That(gsm8k.UnderPowered, Is.True, "39 problems cannot find a 1-point drop");
        Assert.That(gsm8k.PowerAlpha, Is.EqualTo(0.05 / 4));
    }

    [Test]
    public void Hierarchy_looks_at_benchmarks_only_inside_a_failed_suite()
    {
        // Two suites of two benchmarks each. Suite a drops significantly (both its benchmarks do), suite b does not.
        ScoreComparison R(string name, bool suite, double p, double drop) =>
            new(name, suite, 1000, 1000, 0, 0.8, 0.8 - drop, new Interval(-0.1, 0.1), 30, 5, p);
        var rows = new[] { R("a1", false, 0.001, 0.03), R("a2", false, 0.04, 0.02), R("b1", false, 0.0001, 0.03), R("b2", false, 0.9, 0) };
        var suites = new[] { R("a", true, 0.0001, 0.025), R("b", true, 0.2, 0.015) };
        var members = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["a1", "a2"], ["b"] = ["b1", "b2"] };
        var comparison = new RunComparison("base", "cand", 0.05, rows, suites, [], [], members);
        var policy = GatePolicy.Uniform(new GateThreshold(1, 0.05), GateFamily.Hierarchy);

        var verdicts = RegressionGate.Evaluate(comparison, policy).ToDictionary(v => v.Row.Name);

        Assert.That(verdicts["a"].Failed, Is.True);
        Assert.That(verdicts["b"].Failed, Is.False);
        Assert.That(verdicts["a1"].Failed, Is.True, "inside failed suite a: Holm over a1, a2 gives 0.002");
        Assert.That(verdicts["a2"].Failed, Is.True, "then 0.04 < 0.05");
        Assert.That(verdicts["b1"].Tested, Is.False, "suite b passed, so its benchmarks are not looked at");
        Assert.That(verdicts["b1"].Failed, Is.False);

        var budgeted = RegressionGate.Evaluate(comparison, policy with { BenchmarkBudget = 0.01 }).ToDictionary(v => v.Row.Name);
        Assert.That(budgeted["b1"].Failed, Is.True, "with their own budget: Holm over 4 benchmarks at 0.01, 4·0.0001 < 0.01");
        Assert.That(budgeted["a2"].Failed, Is.False, "0.04 is not below 0.01");
    }

    [Test]
    public void Gate_file_reads_the_family_and_rejects_a_budget_without_a_hierarchy()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("gate.yaml"), "family: hierarchy\nbenchmark_budget: 0.01\n");
        File.WriteAllText(temp.File("bad.yaml"), "family: holm\nbenchmark_budget: 0.01\n");
        File.WriteAllText(temp.File("odd.yaml"), "family: bonferroni\n");

        var policy = GateFile.Read(temp.File("gate.yaml"), new GateThreshold(1, 0.05));

        Assert.That(policy.Family, Is.EqualTo(GateFamily.Hierarchy));
        Assert.That(policy.BenchmarkBudget, Is.EqualTo(0.01));
        Assert.That(() => GateFile.Read(temp.File("bad.yaml"), new GateThreshold(1, 0.05)),
            Throws.TypeOf<InputException>().With.Message.Contains("needs family: hierarchy"));
        Assert.That(() => GateFile.Read(temp.File("odd.yaml"), new GateThreshold(1, 0.05)),
            Throws.TypeOf<InputException>().With.Message.Contains("holm, hierarchy or per-row"));
    }
}
