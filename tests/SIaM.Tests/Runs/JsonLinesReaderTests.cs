using System.Text;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Tests.Runs;

public sealed class JsonLinesReaderTests
{
    private sealed record Entry(string Name, int Value);

    private static readonly byte[] TornFile = Encoding.UTF8.GetBytes("{\"name\":\"a\",\"value\":1}\n\n  \n{\"name\":\"b\",\"value\":2}\n{\"name\":\"c\",\"va");

    [Test]
    public void Skip_drops_a_last_line_without_a_newline_and_numbers_lines_as_in_the_file()
    {
        // Act
        var lines = JsonLinesReader.Lines(TornFile, TornLastLine.Skip);

        // Assert: blank lines are skipped but counted
        Assert.That(lines.Select(l => l.Number), Is.EqualTo(new[] { 1, 4 }));
        Assert.That(JsonLinesReader.CompleteLength(TornFile), Is.EqualTo(TornFile.Length - "{\"name\":\"c\",\"va".Length));
    }

    [Test]
    public void Read_keeps_a_last_line_without_a_newline_as_a_record()
    {
        // Arrange: a hand-written file whose last line has no newline
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "entries.jsonl");
        File.WriteAllText(path, "{\"name\":\"a\",\"value\":1}\r\n{\"name\":\"b\",\"value\":2}");

        // Act
        var entries = JsonLinesReader.Read<Entry>(path, TornLastLine.Read, JsonFormat.Line, "entry");

        // Assert
        Assert.That(entries, Is.EqualTo(new[] { new Entry("a", 1), new Entry("b", 2) }));
    }

    [Test]
    public void A_torn_last_line_read_as_a_record_is_an_error_naming_the_file_line_and_remedy()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "entries.jsonl");
        File.WriteAllBytes(path, TornFile);

        // Act
        var error = Assert.Throws<InputException>(() =>
            JsonLinesReader.Read<Entry>(path, TornLastLine.Read, JsonFormat.Line, "test entry", "delete the file"));

        // Assert
        Assert.That(error!.Message, Does.StartWith($"{path}:5: not a test entry ("));
        Assert.That(error.Message, Does.EndWith("; delete the file"));
        Assert.That(JsonLinesReader.Read<Entry>(path, TornLastLine.Skip, JsonFormat.Line, "entry"), Has.Count.EqualTo(2));
    }

    [Test]
    public void A_missing_file_has_no_lines()
    {
        Assert.That(JsonLinesReader.Lines("/nonexistent/entries.jsonl", TornLastLine.Skip), Is.Empty);
    }
}
