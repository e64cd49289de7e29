using SIaM.Training.Losses;
using static SIaM.Training.Tests.Losses.LossCase;

namespace SIaM.Training.Tests.Losses;

public sealed class KtoLossTests
{
    private const double Tolerance = 1e-12;

    private static (double Value, double[] Gc, double[] Gr) Expected(LossCase c, double beta, double wd, double wu, double z0)
    {
        double value = 0;
        var gc = new double[c.N];
        var gr = new double[c.N];
        var m = 2.0 * c.N;
        for (var i = 0; i < c.N; i++)
        {
            var u = beta * (c.Pc[i] - c.Rc[i] - z0);
            var v = beta * (z0 - (c.Pr[i] - c.Rr[i]));
            value += (wd * (1 - Sigmoid(u)) + wu * (1 - Sigmoid(v))) / m;
            gc[i] = -wd * beta * Sigmoid(u) * (1 - Sigmoid(u)) / m;
            gr[i] = wu * beta * Sigmoid(v) * (1 - Sigmoid(v)) / m;
        }
        return (value, gc, gr);
    }

    [TestCase(0.1, 1.0, 1.0)]
    [TestCase(0.5, 1.0, 1.33)]
    public void Value_and_gradient_match_the_formula_with_a_detached_kl_estimate(double beta, double wd, double wu)
    {
        // Arrange: KL estimate mean([0.5, 1.5] − [0, 1]) = 0.5
        var c = Default;
        var (value, gc, gr) = Expected(c, beta, wd, wu, z0: 0.5);

        // Act
        var result = c.Run(new KtoLoss(beta, wd, wu), klPolicy: [0.5, 1.5], klReference: [0, 1]);

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(result.GradChosen, Is.EqualTo(gc).Within(Tolerance));
        Assert.That(result.GradRejected, Is.EqualTo(gr).Within(Tolerance));
        Assert.That(result.GradKl, Is.Null.Or.All.EqualTo(0));
    }

    [Test]
    public void A_negative_kl_estimate_is_clamped_to_zero()
    {
        // Arrange
        var c = Default;
        var (value, _, _) = Expected(c, 0.1, 1, 1, z0: 0);

        // Act
        var result = c.Run(new KtoLoss(0.1), klPolicy: [-3.0], klReference: [-1.0]);

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
    }

    [Test]
    public void Without_kl_terms_the_loss_is_refused()
    {
        // Arrange
        var c = Default;

        // Act + Assert
        Assert.Throws<ArgumentException>(() => c.Run(new KtoLoss()));
    }
}
