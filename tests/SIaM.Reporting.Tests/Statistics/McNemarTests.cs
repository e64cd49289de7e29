using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class McNemarTests
{
    // Hand-computed: 2 · Σ_{i≤min} C(n, i) / 2^n.
    [TestCase(2, 8, 2 * (1 + 10 + 45) / 1024.0)]
    [TestCase(8, 2, 2 * (1 + 10 + 45) / 1024.0)]
    [TestCase(0, 5, 2 / 32.0)]
    [TestCase(1, 9, 2 * 11 / 1024.0)]
    [TestCase(3, 3, 1.0)]
    [TestCase(0, 0, 1.0)]
    [TestCase(0, 1, 1.0)]
    public void Exact_p_value_matches_the_binomial_tail_computed_by_hand(int correctToWrong, int wrongToCorrect, double expected)
    {
        var p = McNemar.ExactPValue(correctToWrong, wrongToCorrect);

        Assert.That(p, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Exact_p_value_stays_accurate_for_thousands_of_flips()
    {
        // 60 vs 100 flips: the normal approximation with continuity correction gives z = 39/√160 ≈ 3.083, p ≈ 0.00205;
        // the exact tail is close to it.
        var p = McNemar.ExactPValue(60, 100);

        Assert.That(p, Is.EqualTo(0.00205).Within(0.0003));
        Assert.That(McNemar.ExactPValue(2000, 2000), Is.EqualTo(1.0));
    }
}
