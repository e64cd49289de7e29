using SIaM.Critique.Statistics;

namespace SIaM.Critique.Tests.Statistics;

public sealed class AgreementMatrixTests
{
    [Test]
    public void Kappa_matches_the_hand_computed_value()
    {
        // Arrange: n = 50, pₒ = 35/50 = 0.7, rule yes 25, critic yes 30, pₑ = (25·30 + 25·20)/2500 = 0.5, κ = 0.2/0.5
        var matrix = new AgreementMatrix(RuleYesCriticYes: 20, RuleYesCriticNo: 5, RuleNoCriticYes: 10, RuleNoCriticNo: 15);

        // Act
        var kappa = matrix.Kappa;

        // Assert
        Assert.That(matrix.N, Is.EqualTo(50));
        Assert.That(matrix.Agreement, Is.EqualTo(0.7).Within(1e-12));
        Assert.That(kappa, Is.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public void Kappa_is_one_for_perfect_agreement_and_undefined_without_variation()
    {
        // Arrange
        var perfect = new AgreementMatrix(7, 0, 0, 3);
        var constant = new AgreementMatrix(10, 0, 0, 0);

        // Act / Assert
        Assert.That(perfect.Kappa, Is.EqualTo(1).Within(1e-12));
        Assert.That(constant.Kappa, Is.Null, "both raters always say yes: chance agreement is 1");
        Assert.That(AgreementMatrix.Empty.Kappa, Is.Null);
    }

    [Test]
    public void Kappa_is_negative_when_the_raters_disagree_more_than_chance()
    {
        // Arrange: pₒ = 0.2, pₑ = 0.5 → κ = −0.6
        var matrix = new AgreementMatrix(1, 4, 4, 1);

        // Act / Assert
        Assert.That(matrix.Kappa, Is.EqualTo(-0.6).Within(1e-12));
    }
}
