using SIaM.Training.Losses;
using static SIaM.Training.Tests.Losses.LossCase;

namespace SIaM.Training.Tests.Losses;

public sealed class SimPoLossTests
{
    private const double Tolerance = 1e-12;

    [TestCase(2.0, 0.5)]
    [TestCase(0.5, 0.0)]
    public void Value_and_gradient_match_the_length_normalised_margin_with_gamma(double beta, double gamma)
    {
        // Arrange
        var c = Default;
        double value = 0;
        var gc = new double[c.N];
        var gr = new double[c.N];
        for (var i = 0; i < c.N; i++)
        {
            var z = beta * (c.Pc[i] / c.Nc[i] - c.Pr[i] / c.Nr[i]) - gamma;
            value += -LogSigmoid(z) / c.N;
            gc[i] = -Sigmoid(-z) * beta / c.N / c.Nc[i];
            gr[i] = Sigmoid(-z) * beta / c.N / c.Nr[i];
        }

        // Act
        var result = c.Run(new SimPoLoss(beta, gamma));

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(result.GradChosen, Is.EqualTo(gc).Within(Tolerance));
        Assert.That(result.GradRejected, Is.EqualTo(gr).Within(Tolerance));
    }

    [Test]
    public void Equal_log_probs_without_gamma_give_log_two()
    {
        // Arrange
        var c = Default with { Pr = Default.Pc, Nr = Default.Nc };

        // Act
        var result = c.Run(new SimPoLoss(Beta: 2, Gamma: 0));

        // Assert
        Assert.That(result.Value, Is.EqualTo(Math.Log(2)).Within(Tolerance));
    }

    [Test]
    public void An_empty_chosen_response_is_refused()
    {
        // Arrange
        var c = Default with { Nc = [0, 12, 3] };

        // Act + Assert
        Assert.Throws<ArgumentException>(() => c.Run(new SimPoLoss()));
    }
}
