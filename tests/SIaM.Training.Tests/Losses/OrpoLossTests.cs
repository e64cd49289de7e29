using SIaM.Training.Losses;
using static SIaM.Training.Tests.Losses.LossCase;

namespace SIaM.Training.Tests.Losses;

public sealed class OrpoLossTests
{
    private const double Tolerance = 1e-12;

    [TestCase(0.1)]
    [TestCase(1.0)]
    public void Value_and_gradient_match_nll_minus_beta_log_sigmoid_of_the_log_odds_ratio(double beta)
    {
        // Arrange
        var c = Default;
        var tokens = c.Nc.Sum();
        var value = -c.Pc.Sum() / tokens;
        var gc = new double[c.N];
        var gr = new double[c.N];
        for (var i = 0; i < c.N; i++)
        {
            double a = c.Pc[i] / c.Nc[i], b = c.Pr[i] / c.Nr[i];
            var logOdds = (a - b) - (Math.Log(1 - Math.Exp(a)) - Math.Log(1 - Math.Exp(b)));
            value -= beta * LogSigmoid(logOdds) / c.N;
            var outer = -beta / c.N * Sigmoid(-logOdds);
            gc[i] = -1 / tokens + outer / (1 - Math.Exp(a)) / c.Nc[i];
            gr[i] = -outer / (1 - Math.Exp(b)) / c.Nr[i];
        }

        // Act
        var result = c.Run(new OrpoLoss(beta));

        // Assert
        Assert.That(result.Value, Is.EqualTo(value).Within(Tolerance));
        Assert.That(result.GradChosen, Is.EqualTo(gc).Within(Tolerance));
        Assert.That(result.GradRejected, Is.EqualTo(gr).Within(Tolerance));
    }

    [Test]
    public void Equal_log_probs_add_beta_log_two_to_the_nll()
    {
        // Arrange
        var c = Default with { Pr = Default.Pc, Nr = Default.Nc };

        // Act
        var result = c.Run(new OrpoLoss(Beta: 0.5));

        // Assert
        Assert.That(result.Value, Is.EqualTo(-c.Pc.Sum() / c.Nc.Sum() + 0.5 * Math.Log(2)).Within(Tolerance));
    }

    [Test]
    public void Orpo_needs_no_reference_model()
    {
        // Arrange
        var chosen = Training.Scoring.SequenceLogProbs.From([-3.0], [2]);
        var rejected = Training.Scoring.SequenceLogProbs.From([-5.0], [2]);

        // Act
        using var loss = new OrpoLoss().Compute(new PreferenceInputs(chosen, rejected));

        // Assert
        Assert.That(double.IsFinite(loss.item<double>()), Is.True);
        Assert.That(new OrpoLoss().NeedsReference, Is.False);
    }
}
