using SIaM.Core.Scoring;

namespace SIaM.Tests.Scoring;

/// <summary>Cohen's κ against values computed by hand, the degenerate tables included.</summary>
public sealed class CohensKappaTests
{
    // Cells: yes·yes, yes·no, no·yes, no·no. n = their sum, pₒ = (yes·yes + no·no)/n, pₑ = p₁·p₂ + (1−p₁)(1−p₂).
    [TestCase(20, 5, 10, 15, 0.4, TestName = "pₒ 0.7, yes-rates 0.5 and 0.6, pₑ 0.5: κ 0.4")]
    [TestCase(45, 5, 5, 45, 0.8, TestName = "pₒ 0.9, pₑ 0.5: κ 0.8")]
    [TestCase(10, 10, 10, 10, 0.0, TestName = "Agreement at chance level: κ 0")]
    [TestCase(0, 10, 10, 0, -1.0, TestName = "Total disagreement with balanced yes-rates: κ −1")]
    [TestCase(3, 1, 2, 4, 0.4, TestName = "pₒ 0.7, yes-rates 0.4 and 0.5, pₑ 0.5: κ 0.4")]
    [TestCase(1, 2, 3, 4, -2.0 / 23, TestName = "pₒ 0.5, yes-rates 0.3 and 0.4, pₑ 0.12 + 0.42 = 0.54: κ −0.04 / 0.46 = −2/23")]
    [TestCase(5, 5, 0, 0, 0.0, TestName = "One judge says yes to everything, the other half the time: pₒ = pₑ = 0.5, κ 0")]
    [TestCase(0, 7, 0, 0, 0.0, TestName = "One judge always yes, the other always no: pₒ = pₑ = 0, κ 0")]
    [TestCase(6, 0, 0, 1, 1.0, TestName = "Perfect agreement with both answers present: κ 1")]
    public void Matches_the_value_computed_by_hand(int yesYes, int yesNo, int noYes, int noNo, double expected)
    {
        // Act
        var kappa = CohensKappa.Of(yesYes, yesNo, noYes, noNo);

        // Assert
        Assert.That(kappa, Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase(7, 0, 0, 0, TestName = "Both judges say yes to everything: pₑ = 1, κ undefined")]
    [TestCase(0, 0, 0, 7, TestName = "Both judges say no to everything: pₑ = 1, κ undefined")]
    [TestCase(0, 0, 0, 0, TestName = "No items: κ undefined")]
    public void Is_undefined_when_chance_agreement_is_one_or_there_are_no_items(int yesYes, int yesNo, int noYes, int noNo)
    {
        // Act
        var kappa = CohensKappa.Of(yesYes, yesNo, noYes, noNo);

        // Assert
        Assert.That(kappa, Is.Null);
    }

    [Test]
    public void Verdict_vectors_give_the_kappa_of_their_table()
    {
        // Arrange: 3 yes·yes, 1 yes·no, 2 no·yes, 4 no·no
        bool[] first = [true, true, true, true, false, false, false, false, false, false];
        bool[] second = [true, true, true, false, true, true, false, false, false, false];

        // Act
        var kappa = CohensKappa.Of(first, second);

        // Assert
        Assert.That(kappa, Is.EqualTo(CohensKappa.Of(3, 1, 2, 4)).And.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public void Verdict_vectors_of_different_lengths_are_refused()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => CohensKappa.Of([true, false], [true]));
    }
}
