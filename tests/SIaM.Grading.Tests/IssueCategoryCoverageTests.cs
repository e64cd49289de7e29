using SIaM.Core.Benchmarks;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Tests;

/// <summary>The categories of scale words, several answers, worked-solution references and the smaller ones have rows of every sort.</summary>
public sealed class IssueCategoryCoverageTests
{
    [Test]
    public void Every_category_has_positive_negative_english_and_chinese_rows()
    {
        // Arrange
        var rows = CaseTables.AllText().Select(r => (r.Note, Text: r.Text + r.Reference + r.Question, r.Expected))
            .Concat(CaseTables.AllEquivalence().Select(r => (r.Note, Text: r.Prediction + r.Reference + r.Question, r.Expected))).ToList();
        string[] categories = ["scale", "multi-answer", "reference", "approx", "relation-sentence", "function", "matrix-expression", "multiline"];

        // Act
        var missing = (
            from category in categories
            let inCategory = rows.Where(r => (r.Note ?? "").StartsWith(category + ":", StringComparison.Ordinal)).ToList()
            from need in new[] { "positive", "negative", "chinese", "english" }
            let ok = need switch
            {
                "positive" => inCategory.Any(r => r.Expected),
                "negative" => inCategory.Any(r => !r.Expected),
                "chinese" => inCategory.Any(r => r.Text.Any(c => c >= '\u3000')),
                _ => inCategory.Any(r => !r.Text.Any(c => c >= '\u3000')),
            }
            where !ok
            select $"{category}/{need}").ToList();

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Matrix_entries_meet_an_approximation_only_under_a_wider_tolerance()
    {
        // Arrange
        const string prediction = @"\begin{pmatrix} 0.333 & 0 \\ 0 & 1 \end{pmatrix}";
        const string reference = @"\begin{pmatrix} \frac{1}{3} & 0 \\ 0 & 1 \end{pmatrix}";

        // Act
        var byDefault = new MathEquivalenceChecker().Compare(prediction, reference, AnswerKind.Expression);
        var tolerant = new MathEquivalenceChecker(new GradingOptions { RelativeTolerance = 1e-2 }).Compare(prediction, reference, AnswerKind.Expression);

        // Assert
        Assert.That(byDefault.Equivalent, Is.False);
        Assert.That((tolerant.Equivalent, tolerant.Path), Is.EqualTo((true, "matrix")));
    }

    [TestCase("3 million people", "3000000 people")]
    [TestCase("about 1.5 billion", "about 1500000000")]
    [TestCase("0.25 dozen", "3")]
    [TestCase("人口3.5万人", "人口35000人")]
    [TestCase("1亿2千万", "120000000")]
    [TestCase("x2 million", "x2 million")]
    [TestCase("10^3 thousand", "10^3 thousand")]
    [TestCase("2.5千克", "2.5千克")]
    [TestCase("3万5", "3万5")]
    public void Scale_words_expand_to_the_exact_product_and_leave_everything_else(string text, string expected)
    {
        // Act
        var expanded = ScaleWords.Expand(text);

        // Assert
        Assert.That(expanded, Is.EqualTo(expected));
    }

    [Test]
    public void Scale_word_reading_is_total_on_long_adversarial_input()
    {
        // Arrange: long runs of digits and multipliers, and unclosed ones
        var runs = string.Concat(Enumerable.Repeat("1万2千", 5000)) + string.Concat(Enumerable.Repeat("9 hundred ", 5000)) + new string('7', 20_000) + "万5";

        // Act
        var expanded = ScaleWords.Expand(runs);
        var verdict = new MathEquivalenceChecker().Compare(runs, "12000", AnswerKind.Number);

        // Assert
        Assert.That(expanded, Does.Contain("900"));
        Assert.That(verdict.Equivalent, Is.False);
    }
}
