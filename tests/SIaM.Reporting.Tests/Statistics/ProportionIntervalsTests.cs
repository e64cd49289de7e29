using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class ProportionIntervalsTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, methods 1 (Wald) and 3 (Wilson).
    [TestCase(81, 263, 0.2553, 0.3662)]
    [TestCase(15, 148, 0.0624, 0.1605)]
    [TestCase(0, 20, 0.0, 0.1611)]
    [TestCase(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_published_values(int successes, int n, double low, double high)
    {
        var interval = ProportionIntervals.Wilson(successes, n);

        Assert.That(interval.Low, Is.EqualTo(low).Within(5e-5));
        Assert.That(interval.High, Is.EqualTo(high).Within(5e-5));
    }

    [TestCase(81, 263, 0.2522, 0.3638)]
    [TestCase(15, 148, 0.0527, 0.1500)]
    public void Normal_interval_matches_published_values(int successes, int n, double low, double high)
    {
        var interval = ProportionIntervals.Normal(successes, n);

        Assert.That(interval.Low, Is.EqualTo(low).Within(5e-5));
        Assert.That(interval.High, Is.EqualTo(high).Within(5e-5));
    }

    [Test]
    public void No_observations_give_the_whole_unit_interval()
    {
        Assert.That(ProportionIntervals.Wilson(0, 0), Is.EqualTo(new Interval(0, 1)));
    }

    [Test]
    public void More_successes_than_trials_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionIntervals.Wilson(5, 4));
    }
}
