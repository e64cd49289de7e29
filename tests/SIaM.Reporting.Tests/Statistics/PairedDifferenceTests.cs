using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class PairedDifferenceTests
{
    [Test]
    public void Clustered_standard_error_matches_a_case_computed_by_hand_and_exceeds_the_naive_one()
    {
        // Four problems, four samples each. Problem 0 loses all four samples, problem 1 gains all four, 2 and 3 stay.
        // Per-problem differences d = (−1, 1, 0, 0): mean 0, sample variance 2/3, clustered SE = √((2/3)/4) = 0.40825.
        // Treated as 16 independent pairs: 8 flips, variance 8/16 → SE = √(0.5/15) = 0.18257, 2.24× too small.
        var problems = new PairedProblems([4, 0, 4, 0], [0, 4, 4, 0], [4, 4, 4, 4]);

        var statistics = PairedDifference.Of(problems, correctToWrong: 4, wrongToCorrect: 4);

        Assert.That(statistics.Delta, Is.EqualTo(0));
        Assert.That(statistics.StandardError, Is.EqualTo(Math.Sqrt(2.0 / 3 / 4)).Within(1e-12));
        Assert.That(statistics.NaiveStandardError, Is.EqualTo(Math.Sqrt(0.5 / 15)).Within(1e-12));
        Assert.That(statistics.SamplesPerProblem, Is.EqualTo(4));
        // Two clusters either way: P[|±1 ±1| ≥ 0] = 1, so nothing is significant.
        Assert.That(statistics.PValue, Is.EqualTo(1.0));
        Assert.That(statistics.Test, Does.StartWith("sign-flip"));
    }

    [Test]
    public void One_sample_per_problem_uses_exact_mcnemar_on_the_flips()
    {
        var problems = new PairedProblems([1, 1, 1, 1, 1, 1, 0, 1], [0, 0, 0, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1, 1, 1]);

        var statistics = PairedDifference.Of(problems, correctToWrong: 6, wrongToCorrect: 0);

        Assert.That(statistics.Test, Is.EqualTo(PairedDifference.McNemarTest));
        Assert.That(statistics.PValue, Is.EqualTo(2 / 64.0).Within(1e-12));
        Assert.That(statistics.Delta, Is.EqualTo(-6 / 8.0).Within(1e-12));
    }
}
