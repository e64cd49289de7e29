using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

public sealed class ReferenceParserTests
{
    [TestCase("1,234", AnswerKind.Number, "1234", "number")]
    [TestCase("25%", AnswerKind.Number, "1/4", "number")]
    [TestCase(@"\frac{6}{8}", AnswerKind.Expression, "3/4", "number")]
    [TestCase(@"\left(3, \frac{\pi}{2}\right)", AnswerKind.Expression, "(3, prod(*pi,/2))", "tuple")]
    [TestCase(@"[1, 2)", AnswerKind.Expression, "[1, 2)", "interval")]
    [TestCase(@"2, 1", AnswerKind.List, "2, 1", "list")]
    [TestCase(@"3; \sqrt{4}", AnswerKind.MultiBlank, "3; 2", "multi-blank")]
    [TestCase(@"B", AnswerKind.Choice, "B", "choice")]
    [TestCase(@"\text{Devon}", AnswerKind.Expression, "devon", "text")]
    [TestCase(@"y = 2x + 1", AnswerKind.Expression, "y = sum(+1,+prod(*2,*x))", "relation")]
    [TestCase(@"\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}", AnswerKind.Expression, "[1, 2; 3, 4]", "matrix")]
    public void References_take_their_canonical_form(string reference, AnswerKind kind, string canonical, string form)
    {
        // Arrange
        var text = reference;

        // Act
        var parsed = ReferenceParser.Parse(text, kind);

        // Assert
        Assert.That(parsed, Is.EqualTo(new ParsedReference(true, canonical, form)));
    }

    [TestCase(@"\frac{1}{2")]
    [TestCase("")]
    [TestCase("3 @ 4 #")]
    public void Unreadable_references_are_reported_as_unparsed(string reference)
    {
        // Arrange
        var kind = AnswerKind.Expression;

        // Act
        var parsed = ReferenceParser.Parse(reference, kind);

        // Assert
        Assert.That(parsed.Parsed, Is.False);
    }
}
