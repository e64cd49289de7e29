using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Sandbox;
using SIaM.Evaluation;
using SIaM.Evaluation.Execution;
using SIaM.Grading;

namespace SIaM.Tests.Evaluation;

public sealed class EvalRunnerTests
{
    private static readonly LoadedBenchmark Toy = new(
        new BenchmarkInfo("toy", 1, Language.En, AnswerKind.Number),
        Enumerable.Range(0, 6).Select(i => new Problem("toy", i, $"What is {i} + {i}?", (2 * i).ToString(), AnswerKind.Number)).ToList(),
        "0000", true);

    private static RunSpec Spec(PromptStyle style, int samples = 1) => new(
        "scripted:", ["toy"], style, 0, samples, null, GenerationConfig.Greedy, 3, "local-unsafe", 1e-4);

    private static EvalInputs Inputs(IModelBackend backend, ICodeSandbox? sandbox) => new(
        [Toy], new Dictionary<string, IReadOnlyList<string>> { ["toys"] = ["toy", "other"] }, backend, sandbox,
        new MathAnswerExtractor(), new MathEquivalenceChecker());

    private static int IndexOf(GenerationRequest r) => int.Parse(r.ProblemId.Split('/')[1]);

    private sealed class Silent : IRunProgress
    {
        public void Start(int total, int alreadyDone) { }
        public void Advance(int count, int correct) { }
        public void Stop() { }
    }

    [Test]
    public async Task Scores_program_of_thought_answers_by_running_their_programs()
    {
        // Arrange: problems 0-3 answered right by code, 4 by a crashing program, 5 not at all
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(r => IndexOf(r) switch
        {
            4 => "```python\nprint(1/0)\n```",
            5 => null,
            var i => $"```python\nprint({i} * 2)\n```",
        });
        await using var sandbox = new LocalPythonSandbox(SandboxPolicy.Default);

        // Act
        var results = await EvalRunner.RunAsync(Spec(PromptStyle.Pot), Inputs(backend, sandbox), temp.Path,
            new EvalPerformance(2, 2), new Silent(), CancellationToken.None);

        // Assert
        var toy = results.Benchmarks["toy"];
        Assert.That((toy.N, toy.Graded, toy.Correct, toy.Missing), Is.EqualTo((6, 5, 4, 1)));
        Assert.That(toy.Accuracy, Is.EqualTo(0.8).Within(1e-12));
        Assert.That(toy.ExecutionStatus, Is.EquivalentTo(new Dictionary<string, int> { ["ok"] = 4, ["error"] = 1 }));
        Assert.That(results.Suites["toys"].Complete, Is.False);
        var lines = File.ReadAllLines(Path.Combine(temp.Path, "samples.jsonl"));
        Assert.That(lines.Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()), Is.EqualTo(Toy.Problems.Select(p => p.Id)));
        Assert.That(JsonNode.Parse(lines[4])!["path"]!.GetValue<string>(), Does.StartWith("exec-error"));
    }

    [Test]
    public async Task A_run_with_missing_samples_is_partial_and_every_sample_carries_its_hashes()
    {
        // Arrange: problem 5 has no completion
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(r => IndexOf(r) == 5 ? null : $"\\boxed{{{2 * IndexOf(r)}}}");

        // Act
        var results = await EvalRunner.RunAsync(Spec(PromptStyle.Cot), Inputs(backend, null), temp.Path,
            new EvalPerformance(2, 2), new Silent(), CancellationToken.None);

        // Assert
        Assert.That(results.Status, Is.EqualTo("partial"));
        Assert.That((results.Remaining.Missing, results.Remaining.Failed, results.Remaining.SandboxFailed), Is.EqualTo((1, 0, 0)));
        var samples = SIaM.Core.Runs.RunLog.Read(temp.Path).Samples;
        Assert.That(samples.Select(s => s.ProblemHash), Is.EqualTo(Toy.Problems.Select(SIaM.Core.Runs.ContentHashes.Problem)));
        Assert.That(samples.Select(s => s.ReferenceHash), Is.EqualTo(Toy.Problems.Select(SIaM.Core.Runs.ContentHashes.Reference)));
        Assert.That(results.Benchmarks["toy"].Version, Does.Match(@"^toy@1\+[0-9a-f]{8}$"));
    }

    [Test]
    public async Task Continues_a_tool_integrated_answer_after_running_its_code()
    {
        // Arrange: the model asks for code, then reads the output block and boxes it
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(r => r.AssistantPrefix.Length == 0
            ? $"Compute it.\n```python\nprint({IndexOf(r)} + {IndexOf(r)})\n```\n"
            : $"So the answer is $\\boxed{{{r.AssistantPrefix.Split("```output\n")[1].Split('\n')[0]}}}$.");
        await using var sandbox = new LocalPythonSandbox(SandboxPolicy.Default);

        // Act
        var results = await EvalRunner.RunAsync(Spec(PromptStyle.Tir), Inputs(backend, sandbox), temp.Path,
            new EvalPerformance(4, 1), new Silent(), CancellationToken.None);

        // Assert
        Assert.That(results.Benchmarks["toy"].Correct, Is.EqualTo(6));
        Assert.That(backend.Requests.Where(r => r.AssistantPrefix.Length > 0).Select(r => r.AssistantPrefix),
            Has.All.Contain("```output\n"));
        Assert.That(backend.Requests.Select(r => r.Config.StopSequences), Has.All.Contains("```output"));
    }

    [Test]
    public async Task Resumes_a_killed_run_to_the_same_files_as_an_uninterrupted_one()
    {
        // Arrange: a complete run, then a copy cut as a SIGKILL would leave it (two lines and a torn third)
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(r => $"The answer is \\boxed{{{2 * IndexOf(r) + (IndexOf(r) == 3 ? 1 : 0)}}}.");
        var full = Path.Combine(temp.Path, "full");
        var resumed = Path.Combine(temp.Path, "resumed");
        var spec = Spec(PromptStyle.Cot, samples: 2);
        await EvalRunner.RunAsync(spec, Inputs(backend, null), full, new EvalPerformance(3, 2), new Silent(), CancellationToken.None);
        Directory.CreateDirectory(resumed);
        File.Copy(Path.Combine(full, "run.json"), Path.Combine(resumed, "run.json"));
        var lines = File.ReadAllLines(Path.Combine(full, "samples.jsonl"));
        File.WriteAllText(Path.Combine(resumed, "samples.jsonl"), lines[0] + "\n" + lines[5] + "\n" + lines[7][..30]);
        var before = backend.Requests.Count;

        // Act
        var results = await EvalRunner.RunAsync(spec, Inputs(backend, null), resumed, new EvalPerformance(3, 2), new Silent(), CancellationToken.None);

        // Assert
        Assert.That(backend.Requests.Count - before, Is.EqualTo(12 - 2), "only unfinished samples are redone");
        Assert.That(File.ReadAllText(Path.Combine(resumed, "samples.jsonl")), Is.EqualTo(File.ReadAllText(Path.Combine(full, "samples.jsonl"))));
        Assert.That(File.ReadAllText(Path.Combine(resumed, "summary.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(full, "summary.csv"))));
        Assert.That(WithoutTiming(Path.Combine(resumed, "results.json")), Is.EqualTo(WithoutTiming(Path.Combine(full, "results.json"))));
        Assert.That(results.Benchmarks["toy"].Correct, Is.EqualTo(10));
    }

    [Test]
    public async Task An_interrupted_run_leaves_results_with_status_error_and_resumes_to_complete()
    {
        // Arrange: the backend cancels the run when it is asked about problem 4 (batches of one, one at a time)
        using var temp = new TempDirectory();
        using var interrupt = new CancellationTokenSource();
        var backend = new ScriptedBackend(r =>
        {
            if (IndexOf(r) == 4 && !interrupt.IsCancellationRequested) interrupt.Cancel();
            return $"\\boxed{{{2 * IndexOf(r)}}}";
        });

        // Act
        await Assert.CatchAsync<OperationCanceledException>(() =>
            EvalRunner.RunAsync(Spec(PromptStyle.Cot), Inputs(backend, null), temp.Path,
                new EvalPerformance(1, 1) { MaxInFlight = 1 }, new Silent(), interrupt.Token));
        var stopped = SIaM.Core.Runs.RunLog.Read(temp.Path);
        var resumed = await EvalRunner.RunAsync(Spec(PromptStyle.Cot), Inputs(backend, null), temp.Path,
            new EvalPerformance(1, 1), new Silent(), CancellationToken.None);

        // Assert
        Assert.That(stopped.Results!.Status, Is.EqualTo("error"));
        Assert.That(stopped.Results.Benchmarks["toy"].Graded, Is.InRange(4, 5), "the samples finished before the interruption are scored");
        Assert.That(stopped.Results.Benchmarks["toy"].Samples, Is.EqualTo(6));
        Assert.That(resumed.Status, Is.EqualTo("complete"));
        Assert.That(resumed.Benchmarks["toy"].Correct, Is.EqualTo(6));
    }

    [Test]
    public async Task Refuses_a_different_configuration_on_the_same_output_directory()
    {
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(_ => "\\boxed{0}");
        await EvalRunner.RunAsync(Spec(PromptStyle.Cot), Inputs(backend, null), temp.Path, new EvalPerformance(), new Silent(), CancellationToken.None);
        var other = Spec(PromptStyle.Cot) with { Generation = GenerationConfig.Greedy with { Seed = 7 } };

        var error = await Assert.ThrowsAsync<InputException>(() =>
            EvalRunner.RunAsync(other, Inputs(backend, null), temp.Path, new EvalPerformance(), new Silent(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("different configuration").And.Contain("spec.generation.seed"));
    }

    private static string WithoutTiming(string resultsJson)
    {
        var node = JsonNode.Parse(File.ReadAllText(resultsJson))!.AsObject();
        node.Remove("timing");
        return node.ToJsonString();
    }
}
