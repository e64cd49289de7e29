using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Evaluation.Backends;

namespace SIaM.Tests.Evaluation;

public sealed class ReplayBackendTests
{
    private static readonly string[] Run = ["gsm8k"];
    private static bool Exists(string id) => id is "gsm8k/0" or "gsm8k/1" or "gsm8k/2";

    private static GenerationRequest Request(string id, int sample = 0) =>
        new(id, sample, [ChatMessage.User("q")], "", GenerationConfig.Greedy);

    [Test]
    public async Task Answers_from_every_accepted_line_shape_and_reports_the_rest_missing()
    {
        // Arrange
        using var temp = new TempDirectory();
        var file = temp.File("replay.jsonl");
        File.WriteAllLines(file,
        [
            """{"benchmark": "gsm8k", "index": 0, "completion": "zero"}""",
            """{"id": "gsm8k/1", "completions": ["one-a", "one-b"]}""",
            "",
        ]);
        var backend = ReplayBackend.Load(file, Run, Exists);

        // Act
        var answers = await backend.GenerateAsync(
            [Request("gsm8k/0"), Request("gsm8k/1", 1), Request("gsm8k/2"), Request("gsm8k/1", 2)],
            CancellationToken.None);

        // Assert
        Assert.That(answers.Select(a => a.Text), Is.EqualTo(new[] { "zero", "one-b", "", "" }));
        Assert.That(
            answers.Select(a => a.Status),
            Is.EqualTo(new[] { CompletionStatus.Ok, CompletionStatus.Ok, CompletionStatus.Missing, CompletionStatus.Missing }));
    }

    [TestCase("""{"benchmark": "gsm8k", "index": 0}""", "missing field")]
    [TestCase("""{"completion": "x"}""", "missing field")]
    [TestCase("{\"benchmark\": \"gsm8k\", \"index\": 0, \"completion\": \"x\"", "malformed replay line")]
    [TestCase("""{"benchmark": "gsm8k", "index": 5000, "completion": "x"}""", "index out of range")]
    public void Names_the_file_and_line_of_a_bad_line(string line, string expected)
    {
        using var temp = new TempDirectory();
        var file = temp.File("replay.jsonl");
        File.WriteAllLines(file, ["""{"id": "gsm8k/0", "completion": "ok"}""", line]);

        var error = Assert.Throws<InputException>(() => ReplayBackend.Load(file, Run, Exists));

        Assert.That(error!.Message, Does.StartWith($"{file}:2:").And.Contain(expected));
    }

    [Test]
    public void Refuses_a_replay_recorded_for_another_benchmark()
    {
        using var temp = new TempDirectory();
        var file = temp.File("replay.jsonl");
        File.WriteAllLines(file, ["""{"id": "svamp/0", "completion": "ok"}"""]);

        var error = Assert.Throws<InputException>(() => ReplayBackend.Load(file, Run, Exists));

        Assert.That(error!.Message, Does.Contain("no completions for gsm8k").And.Contain("svamp"));
    }
}
