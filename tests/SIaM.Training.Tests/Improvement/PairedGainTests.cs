using SIaM.SelfImprovement;

namespace SIaM.Training.Tests.Improvement;

public sealed class PairedGainTests
{
    private static EvalRecord Answer(string id, bool correct) => new("en-seed", id, "", 3, "", correct);

    [Test]
    public void Pairs_the_two_arms_by_question_and_tests_the_discordant_ones_with_the_exact_mcnemar()
    {
        // Arrange: 6 questions; right by the loop only: q1, q2, q3, q4; by the control only: q5; by both: q6
        EvalRecord[] loop = [Answer("q1", true), Answer("q2", true), Answer("q3", true), Answer("q4", true), Answer("q5", false), Answer("q6", true)];
        EvalRecord[] control = [Answer("q6", true), Answer("q5", true), Answer("q4", false), Answer("q3", false), Answer("q2", false), Answer("q1", false)];

        // Act
        var gain = PairedGain.Of(loop, control);

        // Assert: b = 1, c = 4, n = 5: p = 2 · P[X ≤ 1], X ~ Bin(5, ½) = 2 · 6/32 = 0.375
        Assert.That((gain.N, gain.Loop, gain.Control, gain.LoopOnly, gain.ControlOnly), Is.EqualTo((6, 5, 2, 4, 1)));
        Assert.That(gain.PValue, Is.EqualTo(0.375).Within(1e-12));
        Assert.That(gain.Points, Is.EqualTo(50.0).Within(1e-12));
    }

    [Test]
    public void Refuses_arms_that_answered_different_questions()
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => PairedGain.Of([Answer("q1", true)], [Answer("q2", true)]));

        // Assert
        Assert.That(error!.Message, Does.Contain("cannot be paired"));
    }
}
