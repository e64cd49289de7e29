using System.Diagnostics;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

public sealed class MathAnswerExtractorTests
{
    [TestCase(@"\(")]
    [TestCase("$")]
    [TestCase(@"\[")]
    [TestCase("Therefore x is ")]
    [TestCase("故 $x$ 为 ")]
    public void Pathological_free_text_is_read_quickly(string unit)
    {
        // Arrange
        var extractor = new MathAnswerExtractor();
        var text = string.Concat(Enumerable.Repeat(unit + "1 ", 20_000));
        var watch = Stopwatch.StartNew();

        // Act
        var extracted = extractor.FromText(text, AnswerKind.Expression);

        // Assert
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), extracted.Method);
    }

    [Test]
    public void A_words_reference_skips_the_last_math_step()
    {
        // Arrange
        var extractor = new MathAnswerExtractor();
        const string text = "We compare $a_3 = 7$ with the other runners, and the fastest one wins.";
        var words = new Problem("cases", 0, "Who wins?", "Devon", AnswerKind.Expression);
        var math = new Problem("cases", 1, "What is a_3?", "7", AnswerKind.Expression);

        // Act
        var forWords = extractor.FromText(text, words);
        var forMath = extractor.FromText(text, math);

        // Assert
        Assert.That(forWords.Method, Is.EqualTo("last-number"));
        Assert.That((forMath.Answer, forMath.Method), Is.EqualTo(("7", "last-math")));
    }

    [Test]
    public void Strict_mode_extracts_no_last_number()
    {
        // Arrange
        var lenient = new MathAnswerExtractor();
        var strict = new MathAnswerExtractor(mode: GradingMode.Strict);
        const string text = "He had 3 apples and bought 5, so 8 apples now.";

        // Act
        var a = lenient.FromText(text, AnswerKind.Number);
        var b = strict.FromText(text, AnswerKind.Number);

        // Assert
        Assert.That((a.Answer, a.Method), Is.EqualTo(("8", "last-number")));
        Assert.That((b.Answer, b.Method), Is.EqualTo(((string?)null, "none")));
    }
}
