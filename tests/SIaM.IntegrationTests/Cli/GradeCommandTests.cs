using System.Text.Json.Nodes;
using Snapshooter.NUnit;

namespace SIaM.IntegrationTests.Cli;

/// <summary><c>siam grade</c> end to end on a fixed input: each line comes back with extracted, equivalent and path.</summary>
public sealed class GradeCommandTests
{
    // One line per family of decision: boxed integer, fraction vs decimal, a wrong answer, percent, Chinese answer
    // phrase with a benchmark's kind, choice letter vs option, multi-blank, symbolic, interval.
    private static readonly string[] Pairs =
    [
        """{"reference": "42", "prediction": "6 * 7 = 42, so the answer is $\\boxed{42}$."}""",
        """{"reference": "\\frac{1}{2}", "prediction": "The answer is 0.5"}""",
        """{"reference": "12", "prediction": "I think it is \\boxed{13}."}""",
        """{"reference": "25\\%", "prediction": "\\boxed{0.25}"}""",
        """{"reference": "3", "prediction": "所以答案是3个。", "benchmark": "cmath"}""",
        """{"reference": "B", "prediction": "The answer is (B).", "kind": "choice", "choices": {"A": "1", "B": "2"}}""",
        """{"reference": "2; 5", "prediction": "\\boxed{2, 5}", "kind": "multiblank"}""",
        """{"reference": "2\\sqrt{2}", "prediction": "\\boxed{\\sqrt{8}}"}""",
        """{"reference": "(1, 3]", "prediction": "\\boxed{(1,3]}"}""",
    ];

    [Test]
    public async Task Grades_a_fixed_input_line_by_line_and_its_output_matches_the_snapshot()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("pairs.jsonl"), Pairs);

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(2), temp.Path, "grade", "--input", temp.File("pairs.jsonl"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        var lines = outcome.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(Pairs.Length));
        var equivalent = lines.Select(l => JsonNode.Parse(l)!["equivalent"]!.GetValue<bool>()).ToArray();
        Assert.That(equivalent, Is.EqualTo(new[] { true, true, false, true, true, true, true, true, true }));
        Assert.That(lines.Select(l => JsonNode.Parse(l)!["path"]!.GetValue<string>()), Has.None.StartWith("error:"),
            "no line may be decided by a grader exception");
        Snapshot.Match(outcome.Stdout.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task Names_the_file_and_line_of_invalid_json_and_exits_2()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("pairs.jsonl"), [Pairs[0], "{\"reference\": 1,"]);

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(2), temp.Path, "grade", "--input", temp.File("pairs.jsonl"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain($"{temp.File("pairs.jsonl")}:2:"));
    }
}
