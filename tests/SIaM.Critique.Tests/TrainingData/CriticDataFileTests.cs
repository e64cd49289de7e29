using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Critique.TrainingData;
using SIaM.Testing;

namespace SIaM.Critique.Tests.TrainingData;

public sealed class CriticDataFileTests
{
    [Test]
    public void Reads_back_what_it_writes()
    {
        // Arrange
        using var temp = new TempDirectory();
        CriticTrainingExample[] examples =
        [
            new("gsm8k/1", 0, "gsm8k", "Q… Answer:", [ChatMessage.System("s"), ChatMessage.User("u")], "YES", true),
            new("gsm8k/2", 3, "gsm8k", "Q2… Answer:", [], "NO", false),
        ];

        // Act
        CriticDataFile.Write(temp.File("train.jsonl"), examples);
        var read = CriticDataFile.Read(temp.File("train.jsonl"));

        // Assert
        Assert.That(read.Select(e => (e.Id, e.Sample, e.Prompt, e.Response, e.Label)),
            Is.EqualTo(examples.Select(e => (e.Id, e.Sample, e.Prompt, e.Response, e.Label))));
        Assert.That(read[0].Messages, Is.EqualTo(examples[0].Messages));
    }

    [TestCase("{\"prompt\": \"p Answer:\", \"response\": \"MAYBE\"}", "\"response\" must be YES or NO, got 'MAYBE'")]
    [TestCase("{\"prompt\": \"p Answer:\", \"response\": \"YES\", \"label\": false}", "\"label\" false contradicts \"response\" YES")]
    [TestCase("{\"response\": \"NO\"}", "no \"prompt\" text")]
    [TestCase("{\"prompt\": \"p Answer:\", \"resp", "malformed critic data line")]
    [TestCase("[1, 2]", "not a JSON object")]
    public void Names_the_file_and_line_of_a_malformed_example(string line, string why)
    {
        // Arrange
        using var temp = new TempDirectory();
        var file = temp.File("train.jsonl");
        File.WriteAllLines(file, ["{\"prompt\": \"p Answer:\", \"response\": \"YES\", \"label\": true}", "", line]);

        // Act
        var error = Assert.Throws<InputException>(() => CriticDataFile.Read(file));

        // Assert
        Assert.That(error!.Message, Does.StartWith($"{file}:3: ").And.Contain(why));
    }
}
