using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class DetectableDropTests
{
    [Test]
    public void Detectable_drop_is_the_normal_power_formula_above_the_fewest_significant_flips()
    {
        // 1,000 problems, 40 flips: SE₀ = √40/1000; at α = 0.05: (1.95996 + 0.84162)·0.0063246 = 0.017719.
        Assert.That(DetectableDrop.Minimum(Math.Sqrt(40) / 1000, 1000, 1, 0.05), Is.EqualTo(0.017719).Within(1e-5));
        // No flips: the floor, 6 flips one way (2/64 < 0.05) out of 1,000.
        Assert.That(DetectableDrop.Minimum(0, 1000, 1, 0.05), Is.EqualTo(0.006).Within(1e-12));
        Assert.That(DetectableDrop.FewestFlips(0.05), Is.EqualTo(6));
        Assert.That(DetectableDrop.FewestFlips(0.05 / 36), Is.EqualTo(11));
    }

    [Test]
    public void Samples_needed_is_the_converse_of_the_detectable_drop()
    {
        // Flip rate 4%, 1,319 problems, α = 0.05/36: n = (M/0.02)²·0.04/1319 with M = z(1 − α/2) + z(0.8).
        var alpha = 0.05 / 36;
        var multiplier = DetectableDrop.Multiplier(alpha);
        var expected = (int)Math.Ceiling(Math.Pow(multiplier / 0.02, 2) * 0.04 / 1319);

        var n = DetectableDrop.SamplesNeeded(0.04, 1319, 0.02, alpha);

        Assert.That(n, Is.EqualTo(expected));
        var detectable = DetectableDrop.Minimum(Math.Sqrt(0.04 / (1319.0 * n!.Value)), 1319, n.Value, alpha);
        Assert.That(detectable, Is.LessThanOrEqualTo(0.02));
        Assert.That(DetectableDrop.SamplesNeeded(0.5, 5, 0.02, alpha), Is.Null);
    }
}
