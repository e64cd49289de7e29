using System.Text.Json;
using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.Cli;

/// <summary><c>siam exec</c> end to end: programs in a JSONL file run in the real Docker pool, one verdict line each.</summary>
[Category("Docker")]
public sealed class ExecCommandTests
{
    [Test]
    public async Task Prints_one_verdict_line_per_program_in_input_order_for_ok_error_and_timeout_programs()
    {
        // Arrange
        DockerGate.Require();
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("programs.jsonl"),
        [
            JsonSerializer.Serialize(new { id = "spin", code = "while True:\n    pass" }),
            JsonSerializer.Serialize(new { id = "answer", code = "print(6 * 7)" }),
            "",
            JsonSerializer.Serialize(new { id = 7, code = "1 / 0" }),
            JsonSerializer.Serialize(new { code = "import sympy\nprint(sympy.Rational(1, 3) + sympy.Rational(1, 6))" }),
        ]);

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(3), temp.Path, "exec", "--input", temp.File("programs.jsonl"),
            "--workers", "1", "--cpu-seconds", "1", "--wall-seconds", "4");

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.That(lines.Select(l => l["id"]!.ToJsonString()), Is.EqualTo(new[] { "\"spin\"", "\"answer\"", "7", "5" }),
            "ids are echoed in input order; a line without an id gets its line number");
        Assert.Multiple(() =>
        {
            Assert.That(lines[0]["status"]!.GetValue<string>(), Is.EqualTo("timeout"), "1 s of CPU, then killed");
            Assert.That(lines[0]["duration_ms"]!.GetValue<double>(), Is.LessThan(4500), "stopped by the CPU limit or the wall clock");
            Assert.That(Verdict(lines[1]), Is.EqualTo(("ok", "42\n", 0)));
            Assert.That(lines[2]["status"]!.GetValue<string>(), Is.EqualTo("error"));
            Assert.That(lines[2]["exit_code"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(lines[2]["stderr"]!.GetValue<string>(), Does.Contain("ZeroDivisionError"));
            Assert.That(Verdict(lines[3]), Is.EqualTo(("ok", "1/2\n", 0)));
            Assert.That(lines.Select(l => l["truncated"]!.GetValue<bool>()), Is.All.False);
        });
        Assert.That(outcome.Stderr, Does.Contain("siam exec: 4 programs"));
    }

    [Test]
    public async Task Names_the_file_and_line_of_a_program_without_code_and_exits_2()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("programs.jsonl"), ["""{"id": 1, "code": "print(1)"}""", """{"id": 2, "source": "print(2)"}"""]);

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(2), temp.Path, "exec", "--input", temp.File("programs.jsonl"));

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain($"{temp.File("programs.jsonl")}:2:").And.Contain("\"code\""));
        Assert.That(outcome.Stdout, Is.Empty);
    }

    private static (string Status, string Stdout, int? ExitCode) Verdict(JsonNode line) =>
        (line["status"]!.GetValue<string>(), line["stdout"]!.GetValue<string>(), line["exit_code"]?.GetValue<int>());
}
