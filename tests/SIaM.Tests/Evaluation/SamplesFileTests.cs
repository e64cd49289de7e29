using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.Tests.Evaluation;

public sealed class SamplesFileTests
{
    private static SampleRecord Record(int index, bool correct = true) => new(
        $"gsm8k/{index}", "gsm8k", index, 0, "h", CompletionStatus.Ok, "c", null, [], "1", "boxed", "1",
        correct, "boxed>rational", "1", "1", null);

    private static string Line(SampleRecord record) => JsonSerializer.Serialize(record, JsonFormat.Line) + "\n";

    [Test]
    public void Cuts_off_a_torn_last_line_and_keeps_the_complete_ones()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("samples.jsonl");
        var complete = Line(Record(0)) + Line(Record(1));
        File.WriteAllText(path, complete + Line(Record(2))[..40]);

        // Act
        var records = SamplesFile.ReadExisting(path);

        // Assert
        Assert.That(records.Keys.Select(k => k.Id), Is.EquivalentTo(new[] { "gsm8k/0", "gsm8k/1" }));
        Assert.That(File.ReadAllText(path), Is.EqualTo(complete));
    }

    [Test]
    public void Names_the_file_and_line_of_a_malformed_record()
    {
        using var temp = new TempDirectory();
        var path = temp.File("samples.jsonl");
        File.WriteAllText(path, Line(Record(0)) + "{not json\n" + Line(Record(1)));

        var error = Assert.Throws<InputException>(() => SamplesFile.ReadExisting(path));

        Assert.That(error!.Message, Does.StartWith($"{path}:2:"));
    }

    [Test]
    public void Keeps_the_latest_line_when_a_sample_was_redone()
    {
        using var temp = new TempDirectory();
        var path = temp.File("samples.jsonl");
        File.WriteAllText(path, Line(Record(0, correct: false)) + Line(Record(0, correct: true)));

        var records = SamplesFile.ReadExisting(path);

        Assert.That(records, Has.Count.EqualTo(1));
        Assert.That(records[("gsm8k/0", 0)].Correct, Is.True);
    }
}
