using SIaM.Core.Scoring;

namespace SIaM.Tests.Scoring;

public sealed class PassAtKTests
{
    [TestCase(5, 0, 1, 0.0, TestName = "No correct sample gives 0 (c = 0)")]
    [TestCase(5, 0, 5, 0.0, TestName = "No correct sample gives 0 even at k = n")]
    [TestCase(5, 5, 1, 1.0, TestName = "All samples correct gives 1 (c = n)")]
    [TestCase(5, 2, 1, 0.4, TestName = "pass@1 is c / n")]
    [TestCase(5, 2, 2, 0.7, TestName = "pass@2 of 2 in 5 is 1 - C(3,2)/C(5,2) = 0.7")]
    [TestCase(5, 1, 5, 1.0, TestName = "One correct sample gives 1 at k = n")]
    [TestCase(5, 2, 4, 1.0, TestName = "k above n - c always draws a correct sample")]
    [TestCase(10, 3, 3, 85 / 120.0, TestName = "pass@3 of 3 in 10 is 1 - 35/120")]
    [TestCase(200, 1, 100, 0.5, TestName = "Large n stays exact: one correct in 200 at k = 100 is 1/2")]
    [TestCase(1000, 10, 1, 0.01, TestName = "Large n pass@1 is c / n")]
    public void Matches_hand_computed_values(int n, int c, int k, double expected)
    {
        // Act
        var estimate = PassAtK.Estimate(n, c, k);

        // Assert
        Assert.That(estimate, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Agrees_with_the_binomial_formula_on_every_small_case()
    {
        for (var n = 1; n <= 12; n++)
            for (var c = 0; c <= n; c++)
                for (var k = 1; k <= n; k++)
                    Assert.That(PassAtK.Estimate(n, c, k), Is.EqualTo(1 - Choose(n - c, k) / Choose(n, k)).Within(1e-12), $"n={n} c={c} k={k}");
    }

    [TestCase(5, 6, 1)]
    [TestCase(5, 2, 0)]
    [TestCase(5, 2, 6)]
    public void Rejects_impossible_arguments(int n, int c, int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(n, c, k));

    private static double Choose(int n, int k)
    {
        if (k > n) return 0;
        var result = 1.0;
        for (var i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }
}
