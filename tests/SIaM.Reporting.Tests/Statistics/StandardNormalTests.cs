using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class StandardNormalTests
{
    // Reference values of Φ⁻¹ and the upper tail (tables).
    [TestCase(0.975, 1.959963985)]
    [TestCase(0.8, 0.841621234)]
    [TestCase(0.5, 0.0)]
    [TestCase(0.001, -3.090232306)]
    public void Quantile_matches_the_table(double p, double z) => Assert.That(StandardNormal.Quantile(p), Is.EqualTo(z).Within(1e-6));

    [TestCase(1.959963985, 0.025)]
    [TestCase(3.090232306, 0.001)]
    [TestCase(5.0, 2.866515719e-7)]
    public void Upper_tail_matches_the_table(double z, double tail) => Assert.That(StandardNormal.UpperTail(z), Is.EqualTo(tail).Within(tail * 1e-5));
}
