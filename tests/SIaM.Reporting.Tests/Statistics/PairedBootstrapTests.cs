using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class PairedBootstrapTests
{
    [Test]
    public void Identical_differences_give_a_point_interval_at_that_difference()
    {
        double[] baseScores = [1, 1, 0, 1];
        double[] candidate = [0.5, 0.5, -0.5, 0.5];

        var interval = PairedBootstrap.DeltaInterval(baseScores, candidate, seed: 1);

        Assert.That(interval.Low, Is.EqualTo(-0.5).Within(1e-12));
        Assert.That(interval.High, Is.EqualTo(-0.5).Within(1e-12));
    }

    [Test]
    public void Same_seed_gives_the_same_interval_and_another_seed_a_nearby_one()
    {
        var (baseScores, candidate) = Paired(n: 400, flipsDown: 40, flipsUp: 20);

        var first = PairedBootstrap.DeltaInterval(baseScores, candidate, seed: 7);
        var again = PairedBootstrap.DeltaInterval(baseScores, candidate, seed: 7);
        var other = PairedBootstrap.DeltaInterval(baseScores, candidate, seed: 8);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
        Assert.That(other.Low, Is.EqualTo(first.Low).Within(0.01));
    }

    [Test]
    public void Interval_agrees_with_the_normal_approximation_computed_by_hand()
    {
        // 400 problems, 40 go 1→0 and 20 go 0→1: mean delta = −20/400 = −0.05.
        // Var of a difference = E[d²] − mean² = 60/400 − 0.0025 = 0.1475; se = √(0.1475/400) = 0.019203.
        // 95% normal interval: −0.05 ± 1.96·0.019203 = [−0.08764, −0.01236].
        var (baseScores, candidate) = Paired(n: 400, flipsDown: 40, flipsUp: 20);

        var interval = PairedBootstrap.DeltaInterval(baseScores, candidate, seed: 2024, resamples: 4000);

        Assert.That(interval.Low, Is.EqualTo(-0.08764).Within(0.004));
        Assert.That(interval.High, Is.EqualTo(-0.01236).Within(0.004));
    }

    [Test]
    public void Lists_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedBootstrap.DeltaInterval([1, 0], [1], seed: 1));
    }

    private static (double[] Base, double[] Candidate) Paired(int n, int flipsDown, int flipsUp)
    {
        var baseScores = new double[n];
        var candidate = new double[n];
        for (var i = 0; i < n; i++)
        {
            baseScores[i] = i < flipsDown || i >= n / 2 ? 1 : 0;
            candidate[i] = baseScores[i];
        }
        for (var i = 0; i < flipsDown; i++) candidate[i] = 0;
        for (var i = flipsDown; i < flipsDown + flipsUp; i++) candidate[i] = 1;
        return (baseScores, candidate);
    }
}
