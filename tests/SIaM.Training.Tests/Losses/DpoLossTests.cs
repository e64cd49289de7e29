using SIaM.Training.Losses;
using static SIaM.Training.Tests.Losses.LossCase;

namespace SIaM.Training.Tests.Losses;

public sealed class DpoLossTests
{
    private const double Tolerance = 1e-12;

    [TestCase(0.1, 0.0)]
    [TestCase(0.5, 0.0)]
    [TestCase(2.0, 0.0)]
    [TestCase(0.1, 1.0)]
    [TestCase(0.5, 0.25)]
    public void Value_and_gradient_match_the_sigmoid_formula_with_the_nll_term(double beta, double lambda)
    {
        // Arrange
        var c = Default;
        double value = 0;
        var gc = new double[c.N];
        var gr = new double[c.N];
        var tokens = c.Nc.Sum();
        for (var i = 0; i < c.N; i++)
        {
            var h = (c.Pc[i] - c.Pr[i]) - (c.Rc[i] - c.Rr[i]);
            value += -LogSigmoid(beta * h) / c.N;
            gc[i] = -beta * Sigmoid(-beta * h) / c.N - lambda / tokens;
            gr[i] = beta * Sigmoid(-beta * h) / c.N;
        }
        value += lambda * -c.Pc.Sum() / tokens;

        // Act
        var result = c.Run(new DpoLoss(beta, lambda));

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(result.GradChosen, Is.EqualTo(gc).Within(Tolerance));
        Assert.That(result.GradRejected, Is.EqualTo(gr).Within(Tolerance));
    }

    [Test]
    public void Equal_log_probs_give_log_two_and_opposite_gradients_of_beta_over_two_n()
    {
        // Arrange
        var c = Default with { Pr = Default.Pc, Rc = [0, 0, 0], Rr = [0, 0, 0] };

        // Act
        var result = c.Run(new DpoLoss(Beta: 0.3));

        // Assert
        Assert.That(result.Value, Is.EqualTo(Math.Log(2)).Within(Tolerance));
        Assert.That(result.GradChosen, Is.All.EqualTo(-0.3 / 2 / 3).Within(Tolerance));
        Assert.That(result.GradRejected, Is.All.EqualTo(0.3 / 2 / 3).Within(Tolerance));
    }

    [Test]
    public void Without_the_nll_term_the_gradients_of_chosen_and_rejected_cancel()
    {
        // Arrange
        var c = Default;

        // Act
        var result = c.Run(new DpoLoss(Beta: 0.1, Lambda: 0));

        // Assert
        Assert.That(result.GradChosen.Zip(result.GradRejected, (a, b) => a + b), Is.All.EqualTo(0).Within(Tolerance));
    }

    [Test]
    public void Missing_reference_log_probs_are_refused()
    {
        // Arrange
        var chosen = Training.Scoring.SequenceLogProbs.From([-1.0], [1]);
        var rejected = Training.Scoring.SequenceLogProbs.From([-2.0], [1]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new DpoLoss().Compute(new PreferenceInputs(chosen, rejected)));
    }
}
