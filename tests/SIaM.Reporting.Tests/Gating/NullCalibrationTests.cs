using SIaM.Perf.Gate;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Gating;

/// <summary>Under "no change" (reruns of one sampled model) every test's p-values are valid: never smaller than uniform.</summary>
public sealed class NullCalibrationTests
{
    private const int Reruns = 800;

    public static IEnumerable<TestCaseData> Tests()
    {
        yield return new TestCaseData("exact McNemar, GSM8K-sized, n = 1", 1319, 0.25, 1);
        yield return new TestCaseData("sign-flip exact, 300 problems, n = 4", 300, 0.25, 4);
        yield return new TestCaseData("sign-flip normal approx., 5000 problems, n = 4", 5000, 0.5, 4);
    }

    [TestCaseSource(nameof(Tests))]
    public void Paired_test_p_values_are_uniform_or_conservative_under_the_null_by_kolmogorov_smirnov(string name, int problems, double unstable, int samples)
    {
        var random = new Random(problems + samples);
        var pValues = new List<double>();
        for (var t = 0; t < Reruns; t++)
        {
            var solve = SimulatedSolveRates.SolveProbabilities(problems, 0.6, unstable, random);
            var (paired, down, up) = SimulatedSolveRates.Compare(solve, 1, samples, random);
            pValues.Add(PairedDifference.Of(paired, down, up).PValue);
        }

        AssertNotAntiConservative(pValues, name);
    }

    [Test]
    public void Trend_test_p_values_are_uniform_or_conservative_on_flat_series_by_kolmogorov_smirnov()
    {
        var random = new Random(11);
        var pValues = new List<double>();
        for (var t = 0; t < Reruns; t++)
        {
            var solve = SimulatedSolveRates.SolveProbabilities(400, 0.6, 0.25, random);
            var nights = Enumerable.Range(0, 6).Select(_ => SimulatedSolveRates.Run(solve, 1, 2, random)).ToList();
            pValues.Add(TrendTest.Of(nights, Enumerable.Repeat(2, 400).ToArray()).PValue);
        }

        AssertNotAntiConservative(pValues, "trend");
    }

    // One-sided Kolmogorov–Smirnov: D⁺ = max(F̂(u) − u) must stay below the 0.1% critical value √(ln 1000 / 2N)
    // (a discrete exact test may pile mass at p = 1, which is conservative and allowed), and the p-values must not be
    // degenerate: between 2% and 6.5% of them fall below 0.05.
    private static void AssertNotAntiConservative(List<double> pValues, string name)
    {
        pValues.Sort();
        var n = pValues.Count;
        var dPlus = pValues.Select((p, i) => (i + 1) / (double)n - p).Max();
        var critical = Math.Sqrt(Math.Log(1000) / (2 * n));
        var below = pValues.Count(p => p < 0.05) / (double)n;
        TestContext.Out.WriteLine($"{name}: D+ = {dPlus:0.0000} (critical {critical:0.0000}), share below 0.05 = {below:0.000}");

        Assert.That(dPlus, Is.LessThan(critical), name);
        Assert.That(below, Is.InRange(0.02, 0.065), name);
    }

    public static IEnumerable<TestCaseData> Rows()
    {
        yield return new TestCaseData(1319, 1);
        yield return new TestCaseData(1319, 4);
        yield return new TestCaseData(120, 4);
        yield return new TestCaseData(30, 4);
    }

    [TestCaseSource(nameof(Rows))]
    public void Per_row_one_sided_false_alarm_stays_at_most_3_5_percent(int problems, int samples)
    {
        // A drop fails at α = 0.05 two-sided with no floor: nominally 2.5% of reruns. 3,000 reruns: SE 0.29 points.
        var row = GateSimulation.Run(new GateScenario(problems, 0.75, 0.25, samples), new GateThreshold(0, 0.05), 2, trials: 3000, seed: problems * samples);
        TestContext.Out.WriteLine($"{problems} problems, n = {samples}: false alarm {row.FalseAlarm:0.0000}");

        Assert.That(row.FalseAlarm, Is.LessThanOrEqualTo(0.035));
    }
}
