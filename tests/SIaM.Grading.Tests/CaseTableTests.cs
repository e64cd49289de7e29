using SIaM.Core.Grading;

namespace SIaM.Grading.Tests;

public sealed class CaseTableTests
{
    private static MathEquivalenceChecker Checker(GradingMode mode) => new(new GradingOptions { Mode = mode });

    private static MathAnswerExtractor Extractor(GradingMode mode) => new(mode: mode);

    [TestCaseSource(typeof(CaseTables), nameof(CaseTables.Equivalence))]
    public void Grades_the_pair_as_the_case_table_says(EquivalenceCase row)
    {
        // Arrange
        var checker = Checker(row.GradingMode);

        // Act
        var verdict = checker.Compare(row.Prediction, row.Reference, row.AnswerKind, row.Choices, row.Question);

        // Assert
        var detail = $"path={verdict.Path} pred='{verdict.NormalizedPrediction}' ref='{verdict.NormalizedReference}' note={row.Note}";
        AssertNoUnexpectedError(verdict.Path, row.Path, detail);
        Assert.That(verdict.Equivalent, Is.EqualTo(row.Expected), detail);
        if (row.Path is not null) Assert.That(verdict.Path, Is.EqualTo(row.Path));
    }

    [TestCaseSource(typeof(CaseTables), nameof(CaseTables.Extraction))]
    public void Extracts_the_answer_the_case_table_says(ExtractionCase row)
    {
        // Arrange
        var extractor = Extractor(row.GradingMode);
        var kind = row.AnswerKind;

        // Act
        ExtractedAnswer extracted = row.Stdout is not null
            ? extractor.FromProgramOutput(row.Stdout, kind)
            : row.Reference is not null
                ? extractor.FromText(row.Text ?? "", new SIaM.Core.Benchmarks.Problem("cases", 0, "", row.Reference, kind))
                : extractor.FromText(row.Text ?? "", kind);

        // Assert
        Assert.That((extracted.Answer, extracted.Method), Is.EqualTo((row.ExpectedAnswer, row.ExpectedMethod)), row.Note);
    }

    [TestCaseSource(typeof(CaseTables), nameof(CaseTables.Text))]
    public void Grades_free_text_as_the_case_table_says(TextCase row)
    {
        // Arrange
        var problem = row.Problem;
        var extractor = Extractor(row.GradingMode);
        var checker = Checker(row.GradingMode);

        // Act
        var grade = Grader.Judge(extractor.FromText(row.Text, problem), problem, checker);

        // Assert
        var detail = $"extracted='{grade.Extracted}' path={grade.Path} pred='{grade.NormalizedPrediction}' ref='{grade.NormalizedReference}' note={row.Note}";
        AssertNoUnexpectedError(grade.Path, row.Path, detail);
        Assert.That(grade.Correct, Is.EqualTo(row.Expected), detail);
        if (row.Method is not null) Assert.That(grade.ExtractionMethod, Is.EqualTo(row.Method), detail);
        if (row.Path is not null) Assert.That(grade.Path, Is.EqualTo(row.Path), detail);
    }

    [Test]
    public void Case_table_has_at_least_300_rows_with_many_negatives_and_chinese()
    {
        // Arrange
        var rows = CaseTables.AllEquivalence();

        // Act
        var negatives = rows.Count(r => !r.Expected);
        var chinese = rows.Count(r => (r.Prediction + r.Reference).Any(c => c >= '\u3000'));

        // Assert
        Assert.That(rows.Count, Is.GreaterThanOrEqualTo(300));
        Assert.That(negatives, Is.GreaterThanOrEqualTo(100));
        Assert.That(chinese, Is.GreaterThanOrEqualTo(30));
    }

    [Test]
    public void Free_text_tables_cover_every_category_with_positives_negatives_english_chinese_and_strict_rows()
    {
        // Arrange
        var rows = CaseTables.AllText();
        string[] categories = ["free-form", "relation", "matrix", "unit", "escaping", "false-positive"];

        // Act
        var missing = (
            from category in categories
            let inCategory = rows.Where(r => (r.Note ?? "").StartsWith(category + ":", StringComparison.Ordinal)).ToList()
            from need in new[] { "positive", "negative", "chinese" }
            let ok = need switch
            {
                "positive" => inCategory.Any(r => r.Expected),
                "negative" => inCategory.Any(r => !r.Expected),
                _ => inCategory.Any(r => (r.Text + r.Reference + r.Question).Any(c => c >= '\u3000')),
            }
            where !ok
            select $"{category}/{need}").ToList();

        // Assert
        Assert.That(missing, Is.Empty);
        Assert.That(rows.Count(r => r.GradingMode == GradingMode.Strict), Is.GreaterThanOrEqualTo(10));
    }

    /// <summary>A grader exception is scored wrong with an <c>error:</c> path; a row passes it only when it says so.</summary>
    private static void AssertNoUnexpectedError(string path, string? expectedPath, string detail)
    {
        if (expectedPath?.Contains("error:", StringComparison.Ordinal) == true) return;
        Assert.That(path, Does.Not.Contain("error:"), "grading took an error path: " + detail);
    }
}
