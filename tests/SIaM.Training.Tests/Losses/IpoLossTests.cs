using SIaM.Training.Losses;

namespace SIaM.Training.Tests.Losses;

public sealed class IpoLossTests
{
    private const double Tolerance = 1e-12;

    [TestCase(0.1)]
    [TestCase(1.0)]
    public void Value_and_gradient_match_the_squared_length_normalised_margin(double beta)
    {
        // Arrange
        var c = LossCase.Default;
        double value = 0;
        var gc = new double[c.N];
        var gr = new double[c.N];
        for (var i = 0; i < c.N; i++)
        {
            var h = (c.Pc[i] / c.Nc[i] - c.Pr[i] / c.Nr[i]) - (c.Rc[i] / c.Nc[i] - c.Rr[i] / c.Nr[i]);
            var d = h - 1 / (2 * beta);
            value += d * d / c.N;
            gc[i] = 2 * d / c.N / c.Nc[i];
            gr[i] = -2 * d / c.N / c.Nr[i];
        }

        // Act
        var result = c.Run(new IpoLoss(beta));

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(result.GradChosen, Is.EqualTo(gc).Within(Tolerance));
        Assert.That(result.GradRejected, Is.EqualTo(gr).Within(Tolerance));
    }

    [Test]
    public void Equal_log_probs_give_the_square_of_the_target_margin()
    {
        // Arrange
        var c = LossCase.Default with { Pr = LossCase.Default.Pc, Nr = LossCase.Default.Nc, Rc = [0, 0, 0], Rr = [0, 0, 0] };

        // Act
        var result = c.Run(new IpoLoss(Beta: 0.25));

        // Assert: (0 - 1/(2·0.25))² = 4
        Assert.That(result.Value, Is.EqualTo(4).Within(Tolerance));
    }

    [Test]
    public void An_empty_response_is_refused()
    {
        // Arrange
        var c = LossCase.Default with { Nr = [6, 0, 4] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => c.Run(new IpoLoss()));
    }
}
