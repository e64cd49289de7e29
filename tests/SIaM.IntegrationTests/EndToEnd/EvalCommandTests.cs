using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Data;

namespace SIaM.IntegrationTests.EndToEnd;

public sealed class EvalCommandTests
{
    private static string Reference(int index) =>
        BenchmarkLoader.Load("gsm8k", DataLocator.Resolve(null), allowUnverified: false).Problems[index].Reference;

    [Test]
    public async Task Scores_a_replay_file_and_reports_problems_it_lacks_as_missing()
    {
        // Arrange: 7 right answers, 2 wrong ones, 1 problem without a recorded completion
        using var temp = new TempDirectory();
        var replay = temp.File("replay.jsonl");
        File.WriteAllLines(replay, Enumerable.Range(0, 9).Select(i => JsonSerializer.Serialize(new
        {
            benchmark = "gsm8k", index = i,
            completion = i < 7 ? $"Step by step… The answer is $\\boxed{{{Reference(i)}}}$." : "I think it is \\boxed{-1}.",
        })));
        var outDir = temp.File("run");

        // Act
        var outcome = await Siam.RunAsync(temp.Path, "eval", "--model", $"replay:{replay}", "--benchmarks", "gsm8k",
            "--prompt", "cot", "--sandbox", "none", "--limit", "10", "--out", outDir);

        // Assert: a sample without a verdict makes the run partial (exit 1), with the count given
        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Stderr);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")))!;
        Assert.That(results["status"]!.GetValue<string>(), Is.EqualTo("partial"));
        Assert.That(results["remaining"]!["missing"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(outcome.Stdout, Does.Contain("status: partial (1 missing"));
        var gsm8k = results["benchmarks"]!["gsm8k"]!;
        Assert.That(gsm8k["n"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(gsm8k["graded"]!.GetValue<int>(), Is.EqualTo(9));
        Assert.That(gsm8k["correct"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(gsm8k["missing"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(File.ReadAllLines(Path.Combine(outDir, "samples.jsonl")), Has.Length.EqualTo(10));
        Assert.That(File.ReadAllLines(Path.Combine(outDir, "summary.csv"))[0], Does.StartWith("benchmark,version,n,"));
    }

    [Test]
    public async Task Produces_byte_identical_samples_and_summary_when_run_twice()
    {
        // Arrange: the Docker pool runs programs on several workers at once, so equal files also show that completion
        // order never leaks into them
        DockerGate.Require();
        using var temp = new TempDirectory();
        string[] Args(string outDir) => ["eval", "--model", "oracle:", "--benchmarks", "math23k,ape210k", "--limit", "30",
            "--sandbox", "docker", "--out", outDir];

        var first = await Siam.RunAsync(temp.Path, Args(temp.File("a")));
        var second = await Siam.RunAsync(temp.Path, Args(temp.File("b")));

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Stderr + second.Stderr);
        Assert.That(File.ReadAllBytes(temp.File("a/samples.jsonl")), Is.EqualTo(File.ReadAllBytes(temp.File("b/samples.jsonl"))));
        Assert.That(File.ReadAllBytes(temp.File("a/summary.csv")), Is.EqualTo(File.ReadAllBytes(temp.File("b/summary.csv"))));
        Assert.That(Normalized.Results(temp.File("a/results.json")), Is.EqualTo(Normalized.Results(temp.File("b/results.json"))));
    }
}
