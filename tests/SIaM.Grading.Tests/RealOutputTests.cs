using SIaM.Core.Benchmarks;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Tests;

/// <summary>The grader on real model output (issue 29): answer sections, Chinese math words, exam references, prose conclusions.</summary>
public sealed class RealOutputTests
{
    private static readonly string[] Categories =
    [
        "answer-section", "chinese-words", "exam-reference", "choice-in-fill-in", "prose-number", "ordinal", "choice-text", "answer-word",
        "bare-latex", "boxed-rhs", "currency",
    ];

    [Test]
    public void Real_output_tables_cover_every_category_with_positives_negatives_english_and_chinese()
    {
        // Arrange
        var rows = CaseTables.AllText().Where(r => Categories.Any(c => (r.Note ?? "").StartsWith(c + ":", StringComparison.Ordinal))).ToList();
        static bool Chinese(TextCase r) => (r.Text + r.Reference + r.Question).Any(c => c is >= '\u4e00' and <= '\u9fff');

        // Act
        var missing = (
            from category in Categories
            let inCategory = rows.Where(r => r.Note!.StartsWith(category + ":", StringComparison.Ordinal)).ToList()
            from need in new[] { "positive", "negative", "english", "chinese" }
            let ok = need switch
            {
                "positive" => inCategory.Any(r => r.Expected),
                "negative" => inCategory.Any(r => !r.Expected),
                "english" => inCategory.Any(r => !Chinese(r)),
                _ => inCategory.Any(Chinese),
            }
            where !ok
            select $"{category}/{need}").ToList();

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Exam_reference_rows_exercise_every_reference_form()
    {
        // Arrange
        var rows = CaseTables.AllText().Where(r => (r.Note ?? "").StartsWith("exam-reference:", StringComparison.Ordinal));

        // Act
        var forms = rows.Select(r => ExamReference.Parse(r.Reference)?.Form).OfType<string>().ToHashSet();

        // Assert
        Assert.That(forms, Is.SupersetOf(new[] { "alternatives", "condition", "blanks", "word", "trailing-stop" }));
    }

    [TestCase("3/10 ## 0.3", "alternatives", "3/10|0.3", null)]
    [TestCase("2 (满足 1<e≤√5 皆可)", "condition", "2", "1<e≤√5")]
    [TestCase(@"2 (any e with 1<e\le\sqrt{5} is accepted)", "condition", "2", @"1<e\le\sqrt{5}")]
    [TestCase("1 和 3", "blanks", "1|3", null)]
    [TestCase("分层抽样", "word", "分层抽样", null)]
    [TestCase(@"\text{east}", "word", "east", null)]
    [TestCase("-3 .", "trailing-stop", "-3", null)]
    [TestCase("4。", "trailing-stop", "4", null)]
    public void Exam_references_are_read_with_their_form(string reference, string form, string values, string? condition)
    {
        // Arrange
        var text = reference;

        // Act
        var exam = ExamReference.Parse(text);

        // Assert
        Assert.That(exam, Is.Not.Null);
        Assert.That((exam!.Form, string.Join("|", exam.Values), exam.Condition), Is.EqualTo((form, values, condition)));
    }

    [TestCase("3")]
    [TestCase(@"\frac{1}{2}")]
    [TestCase("2 and 3")]
    [TestCase("x")]
    [TestCase("二分之一")]
    [TestCase("2 (x > 0)")]
    [TestCase("甲")]
    public void Plain_references_have_no_exam_form(string reference)
    {
        // Arrange
        var text = reference;

        // Act
        var exam = ExamReference.Parse(text);

        // Assert
        Assert.That(exam, Is.Null);
    }

    [TestCase("3/10 ## 0.3", "3/10 ## 3/10", "alternatives")]
    [TestCase("2 (满足 1<e≤√5 皆可)", "2 (1<e≤√5)", "condition")]
    [TestCase("1 和 3", "1; 3", "blanks")]
    [TestCase("-3 .", "-3", "trailing-stop")]
    public void The_reference_parser_records_the_exam_form(string reference, string canonical, string form)
    {
        // Arrange
        var kind = AnswerKind.Expression;

        // Act
        var parsed = ReferenceParser.Parse(reference, kind);

        // Assert
        Assert.That(parsed, Is.EqualTo(new ParsedReference(true, canonical, form)));
    }

    [TestCase("根号3", @"\sqrt{3}")]
    [TestCase("3倍根号2", @"3\sqrt{2}")]
    [TestCase("三倍根号二", @"3\sqrt{2}")]
    [TestCase("二分之根号3", @"\frac{\sqrt{3}}{2}")]
    [TestCase("增长率为百分之二十", "增长率为20%")]
    [TestCase("三分之二", @"\frac{2}{3}")]
    [TestCase("根号(x+1)", @"\sqrt{x+1}")]
    [TestCase("两个人各做一次", "两个人各做一次")]
    public void Chinese_math_words_are_read_as_latex(string text, string expected)
    {
        // Arrange
        var input = text;

        // Act
        var rewritten = ChineseMathWords.Rewrite(input);

        // Assert
        Assert.That(rewritten, Is.EqualTo(expected));
    }

    [TestCase("【解析】由题意得 $x = 2$。<eoe>\n【答案】-3<eoa>\n后记：第2问略。", "-3")]
    [TestCase("【解析】略<eoe>\n【答案】\n$\\sqrt{3}$\n", "$\\sqrt{3}$")]
    [TestCase("Work: $x = 2$.\n\n## Final Answer\n\n$\\frac{7}{2}$\n\nCheck with $x = 2$.", "$\\frac{7}{2}$")]
    [TestCase("**Final Answer**\n6 square units", "6 square units")]
    public void The_answer_section_is_found(string text, string expected)
    {
        // Arrange
        var reply = text;

        // Act
        var section = AnswerSection.Of(reply);

        // Assert
        Assert.That(section, Is.EqualTo(expected));
    }

    [TestCase("The final answer is: 12. Final answer: done")]
    [TestCase("Final Answer: The final answer is $18$.")]
    [TestCase("【答案】<eoa>")]
    public void Replies_without_a_separate_answer_section_have_none(string text)
    {
        // Arrange
        var reply = text;

        // Act
        var section = AnswerSection.Of(reply);

        // Assert
        Assert.That(section, Is.Null);
    }

    [Test]
    public void Adversarial_real_output_shapes_are_graded_without_error()
    {
        // Arrange
        var extractor = new MathAnswerExtractor();
        var checker = new MathEquivalenceChecker();
        string[] texts =
        [
            string.Concat(Enumerable.Repeat("【答案】", 5000)), string.Concat(Enumerable.Repeat("根号", 20_000)) + "3",
            string.Concat(Enumerable.Repeat("二分之", 10_000)), string.Concat(Enumerable.Repeat("Final Answer:\n", 3000)),
            "so it is " + string.Concat(Enumerable.Repeat(@"\frac{", 5000)), string.Concat(Enumerable.Repeat("$1,", 8000)) + ".",
            string.Concat(Enumerable.Repeat("12^{\\mathrm{th}} ", 3000)), "So " + string.Concat(Enumerable.Repeat("1 is 2, so ", 3000)),
        ];
        string[] references = ["3/10 ## 0.3", "2 (满足 1<e≤√5 皆可)", "1 和 3", "分层抽样", "A", "-3 .", "y = -2x", @"\text{even}"];

        // Act
        var paths = (
            from text in texts
            from reference in references
            let problem = new Problem("cases", 0, "求 $x$", reference, AnswerKind.Expression)
            select Core.Grading.Grader.Judge(extractor.FromText(text, problem), problem, checker).Path).ToList();

        // Assert
        Assert.That(paths.Where(p => p.Contains("error:", StringComparison.Ordinal)), Is.Empty);
    }
}
