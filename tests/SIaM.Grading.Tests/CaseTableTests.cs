using SIaM.Core.Grading;

namespace SIaM.Grading.Tests;

public sealed class CaseTableTests
{
    private static readonly MathEquivalenceChecker Checker = new();
    private static readonly MathAnswerExtractor Extractor = new();

    [TestCaseSource(typeof(CaseTables), nameof(CaseTables.Equivalence))]
    public void Grades_the_pair_as_the_case_table_says(EquivalenceCase row)
    {
        // Arrange
        var kind = row.AnswerKind;

        // Act
        var verdict = Checker.Compare(row.Prediction, row.Reference, kind, row.Choices);

        // Assert
        Assert.That(verdict.Equivalent, Is.EqualTo(row.Expected),
            $"path={verdict.Path} pred='{verdict.NormalizedPrediction}' ref='{verdict.NormalizedReference}' note={row.Note}");
        if (row.Path is not null) Assert.That(verdict.Path, Is.EqualTo(row.Path));
    }

    [TestCaseSource(typeof(CaseTables), nameof(CaseTables.Extraction))]
    public void Extracts_the_answer_the_case_table_says(ExtractionCase row)
    {
        // Arrange
        var kind = row.AnswerKind;

        // Act
        ExtractedAnswer extracted = row.Stdout is not null
            ? Extractor.FromProgramOutput(row.Stdout, kind)
            : Extractor.FromText(row.Text ?? "", kind);

        // Assert
        Assert.That((extracted.Answer, extracted.Method), Is.EqualTo((row.ExpectedAnswer, row.ExpectedMethod)), row.Note);
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
}
