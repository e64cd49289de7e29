using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

public sealed class PairGraderTests
{
    private static readonly PairGrader Grader = new(new MathAnswerExtractor(), new MathEquivalenceChecker(),
        id => id == "gsm8k" ? AnswerKind.Number : null);

    [Test]
    public void Adds_extracted_equivalent_and_path_and_keeps_the_other_fields()
    {
        // Arrange
        const string line = """{"reference":"18","prediction":"So she makes \\boxed{18} dollars.","benchmark":"gsm8k","id":7}""";

        // Act
        var output = Grader.GradeLine(line, "pairs.jsonl", 1, extracted: false);

        // Assert
        Assert.That(output, Is.EqualTo(
            """{"reference":"18","prediction":"So she makes \\boxed{18} dollars.","benchmark":"gsm8k","id":""" +
            """7,"extracted":"18","equivalent":true,"path":"boxed>string"}"""));
    }

    [Test]
    public void Extracted_predictions_are_compared_as_given()
    {
        // Arrange
        const string line = """{"reference":"\\frac{1}{2}","prediction":"0.5"}""";

        // Act
        var output = Grader.GradeLine(line, "pairs.jsonl", 3, extracted: true);

        // Assert
        Assert.That(output, Does.EndWith("""
            "extracted":"0.5","equivalent":true,"path":"given>rational"}
            """));
    }

    [Test]
    public void A_question_field_names_the_variable_the_answer_must_give()
    {
        // Arrange
        const string asksY = """{"reference":"8","prediction":"\\boxed{x = 8}","question":"If $x+y=16$ and $x=8$, find $y$."}""";
        const string asksX = """{"reference":"8","prediction":"\\boxed{x = 8}","question":"Find $x$."}""";

        // Act
        var wrongVariable = Grader.GradeLine(asksY, "pairs.jsonl", 1, extracted: false);
        var rightVariable = Grader.GradeLine(asksX, "pairs.jsonl", 2, extracted: false);

        // Assert
        Assert.That(wrongVariable, Does.EndWith("\"equivalent\":false,\"path\":\"boxed>relation-variable\"}"));
        Assert.That(rightVariable, Does.EndWith("\"equivalent\":true,\"path\":\"boxed>string\"}"));
    }

    [TestCase("not json", "pairs.jsonl:4: invalid JSON")]
    [TestCase("""{"prediction":"1"}""", "pairs.jsonl:4: missing \"reference\"")]
    [TestCase("""{"reference":"1"}""", "pairs.jsonl:4: missing \"prediction\"")]
    [TestCase("""{"reference":"1","prediction":"1","benchmark":"nope"}""", "pairs.jsonl:4: unknown benchmark 'nope'")]
    [TestCase("""{"reference":"1","prediction":"1","kind":"weird"}""", "pairs.jsonl:4: unknown kind 'weird'")]
    [TestCase("""{"reference":["1"],"prediction":"1"}""", "pairs.jsonl:4: \"reference\" must be a string")]
    public void Bad_lines_are_reported_with_file_and_line(string line, string expectedStart)
    {
        // Arrange
        var act = () => Grader.GradeLine(line, "pairs.jsonl", 4, extracted: false);

        // Act
        var error = Assert.Throws<InputException>(() => act());

        // Assert
        Assert.That(error!.Message, Does.StartWith(expectedStart));
    }
}
