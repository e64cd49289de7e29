using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class SignFlipTestTests
{
    [TestCase(2, 8)]
    [TestCase(0, 5)]
    [TestCase(13, 4)]
    [TestCase(60, 100)]
    [TestCase(3, 3)]
    public void With_one_sample_per_problem_it_is_exactly_mcnemar(int down, int up)
    {
        int[] scores = [.. Enumerable.Repeat(-1, down), .. Enumerable.Repeat(1, up), 0, 0];

        Assert.That(SignFlipTest.PValue(scores), Is.EqualTo(McNemar.ExactPValue(down, up)).Within(1e-9));
    }

    [Test]
    public void Exact_distribution_of_weighted_scores_matches_the_enumeration_by_hand()
    {
        // ±2 ±1 ±1 takes 4, 2, 2, 0, 0, −2, −2, −4 with probability 1/8 each: P[|S| ≥ 4] = 2/8, P[|S| ≥ 2] = 6/8.
        Assert.That(SignFlipTest.PValue([2, 1, 1]), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(SignFlipTest.PValue([2, -1, 1]), Is.EqualTo(0.75).Within(1e-12));
        Assert.That(SignFlipTest.PValue([0, 0]), Is.EqualTo(1.0));
    }

    [Test]
    public void Normal_approximation_takes_over_for_large_inputs_and_agrees_with_the_normal_tail()
    {
        // 3,000 problems with scores ±2 and a sum of 120: z = (120 − 1)/√(3000·4) ≈ 1.0863, p ≈ 0.2774.
        var scores = Enumerable.Range(0, 3000).Select(i => i < 1530 ? 2 : -2).ToArray();

        var p = SignFlipTest.PValue(scores, out var exact);

        Assert.That(exact, Is.False);
        Assert.That(p, Is.EqualTo(0.2774).Within(0.0005));
    }
}
