using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Critique.Calibration;
using SIaM.Testing;

namespace SIaM.Critique.Tests.Calibration;

public sealed class LabelsFileTests
{
    [Test]
    public void Reads_labelled_cases_in_english_and_chinese()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("labels.jsonl"),
        [
            """{"question": "2+2?", "reference": "4", "code": "print(2+2)", "output": "4", "label": "yes"}""",
            "",
            """{"question": "一半？", "reference": "3.5", "answer": "3", "language": "zh", "label": false, "id": "cmath/7"}""",
        ]);

        // Act
        var cases = LabelsFile.Read(temp.File("labels.jsonl"));

        // Assert
        Assert.That(cases.Select(c => c.Label), Is.EqualTo(new[] { true, false }));
        Assert.That(cases[0].Case.Code, Is.EqualTo("print(2+2)"));
        Assert.That((cases[1].Case.Id, cases[1].Case.Language, cases[1].Case.Answer), Is.EqualTo(("cmath/7", Language.Zh, "3")));
    }

    [Test]
    public void A_written_labels_file_reads_back_as_the_same_cases()
    {
        // Arrange
        using var temp = new TempDirectory();
        LabelledCase[] cases =
        [
            new(new CritiqueCase("pool/a/3", 0, "pool", Language.En, "How many?", "22", "print(22)", "twenty-two", null, "print(22)"), true),
            new(new CritiqueCase("pool/b/4", 0, "pool", Language.Zh, "多少？", "21000", null, null, "2.1万", "2.1万"), false),
        ];

        // Act
        LabelsFile.Write(temp.File("labels.jsonl"), cases);
        var read = LabelsFile.Read(temp.File("labels.jsonl"));

        // Assert
        Assert.That(read.Select(c => (c.Case.Id, c.Case.Language, c.Case.Question, c.Case.Reference, c.Case.Code, c.Case.Output, c.Case.Answer, c.Label)),
            Is.EqualTo(cases.Select(c => (c.Case.Id, c.Case.Language, c.Case.Question, c.Case.Reference, c.Case.Code, c.Case.Output, c.Case.Answer, c.Label))));
    }

    [TestCase("""{"question": "q", "reference": "1", "label": "maybe"}""", "\"label\" must be")]
    [TestCase("""{"question": "q", "label": "yes"}""", "no \"reference\"")]
    [TestCase("""{"question": "q", "reference": "1", "label": "yes" """, "malformed labels line")]
    public void A_malformed_line_is_reported_with_file_and_line(string line, string why)
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("labels.jsonl");
        File.WriteAllLines(path, ["""{"question": "q", "reference": "1", "label": "no"}""", line]);

        // Act
        var error = Assert.Throws<InputException>(() => LabelsFile.Read(path));

        // Assert
        Assert.That(error!.Message, Does.StartWith($"{path}:2: ").And.Contain(why));
    }
}
