using SIaM.Core.Benchmarks;
using SIaM.Critique.Rules;

namespace SIaM.Critique.Tests.Rules;

public sealed class InvalidResponseTests
{
    private static CritiqueCase Case(string completion) => new("b/0", 0, "b", Language.En, "q", "1", null, null, null, completion);

    [Test]
    public void Empty_output_is_invalid() => Assert.That(InvalidResponse.Check(Case(" \n ")), Is.EqualTo("empty"));

    [Test]
    public void A_program_cut_off_by_the_length_limit_is_invalid() =>
        Assert.That(InvalidResponse.Check(Case("Let me compute.\n```python\nx = 1\nfor i in range(")), Is.EqualTo("truncated"));

    [Test]
    public void A_repetition_loop_at_the_end_is_invalid()
    {
        // Arrange
        var looping = "We add the numbers. " + string.Concat(Enumerable.Repeat("so the total is 12, ", 30));

        // Act
        var reason = InvalidResponse.Check(Case(looping));

        // Assert
        Assert.That(reason, Is.EqualTo("repetition-loop (period 20)"));
    }

    [Test]
    public void An_ordinary_answer_with_a_closed_program_is_valid()
    {
        // Arrange
        var answer = "```python\nprint(sum(range(10)))\n```\nThe answer is 45. Wait: 45 45 45.";

        // Act / Assert
        Assert.That(InvalidResponse.Check(Case(answer)), Is.Null);
    }
}
