using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tests.Statistics;

public sealed class AgreementTests
{
    // Hand-computed. 20/5/10/15: p_o = 35/50 = 0.7; rule YES 25/50, critic YES 30/50; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    // 45/5/5/45: p_o = 0.9, p_e = 0.5, κ = 0.8. 10/10/10/10: p_o = p_e = 0.5, κ = 0. 0/10/10/0: p_o = 0, p_e = 0.5, κ = −1.
    [TestCase(20, 5, 10, 15, 0.7, 0.4)]
    [TestCase(45, 5, 5, 45, 0.9, 0.8)]
    [TestCase(10, 10, 10, 10, 0.5, 0.0)]
    [TestCase(0, 10, 10, 0, 0.0, -1.0)]
    public void Cohen_kappa_matches_the_value_computed_by_hand(int both, int ruleOnly, int criticOnly, int neither, double observed, double kappa)
    {
        // Arrange
        var agreement = new Agreement(both, ruleOnly, criticOnly, neither);

        // Act + Assert
        Assert.That(agreement.Observed, Is.EqualTo(observed).Within(1e-12));
        Assert.That(agreement.Kappa, Is.EqualTo(kappa).Within(1e-12));
    }

    [Test]
    public void Adding_samples_fills_the_cell_of_their_two_verdicts()
    {
        // Act
        var agreement = Agreement.Empty.Add(true, true).Add(true, false).Add(false, true).Add(false, true).Add(false, false);

        // Assert
        Assert.That(agreement, Is.EqualTo(new Agreement(1, 1, 2, 1)));
    }

    [Test]
    public void Kappa_is_undefined_without_samples_and_when_both_judges_said_yes_to_everything()
    {
        // Arrange: p_e = 1 when both gave one and the same answer to every sample (0/0), as the critique table says
        var unanimous = new Agreement(7, 0, 0, 0);

        // Act + Assert
        Assert.That(unanimous.Observed, Is.EqualTo(1.0));
        Assert.That(unanimous.Kappa, Is.Null);
        Assert.That(Agreement.Empty.Kappa, Is.Null);
    }
}
