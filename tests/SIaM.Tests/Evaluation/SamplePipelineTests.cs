using System.Collections.Concurrent;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Sandbox;
using SIaM.Evaluation;
using SIaM.Grading;

namespace SIaM.Tests.Evaluation;

/// <summary>Each sample moves through generate → execute → continue → grade → write on its own, under one in-flight budget.</summary>
public sealed class SamplePipelineTests
{
    private static readonly LoadedBenchmark Toy = new(
        new BenchmarkInfo("toy", 1, Language.En, AnswerKind.Number),
        Enumerable.Range(0, 10).Select(i => new Problem("toy", i, $"What is {i} + {i}?", (2 * i).ToString(), AnswerKind.Number)).ToList(),
        "0000", true);

    private static RunSpec Spec(int samples) => new(
        "jitter:", ["toy"], PromptStyle.Tir, 0, samples, null, new GenerationConfig(0.7, 1, 0, 256, null, 11), 3, "local-unsafe", 1e-4);

    private static EvalInputs Inputs(IModelBackend backend, ICodeSandbox sandbox) => new(
        [Toy], new Dictionary<string, IReadOnlyList<string>>(), backend, sandbox, new MathAnswerExtractor(), new MathEquivalenceChecker());

    [Test]
    public async Task Samples_are_byte_identical_at_in_flight_levels_1_7_64_and_adaptive()
    {
        // Arrange: a seeded model whose answers depend on (seed, problem, sample, transcript), answering in a jittered order
        using var temp = new TempDirectory();
        await using var sandbox = new SumSandbox();
        var levels = new int?[] { 1, 7, 64, null };
        var files = new List<string>();
        var peaks = new List<int>();

        // Act
        foreach (var level in levels)
        {
            var backend = new JitteredBackend();
            var directory = Path.Combine(temp.Path, level?.ToString() ?? "adaptive");
            await EvalRunner.RunAsync(Spec(samples: 2), Inputs(backend, sandbox), directory,
                new EvalPerformance { MaxInFlight = level }, new Quiet(), CancellationToken.None);
            files.Add(File.ReadAllText(Path.Combine(directory, "samples.jsonl")));
            peaks.Add(backend.MostInFlight);
        }

        var batching = Path.Combine(temp.Path, "batching");
        await EvalRunner.RunAsync(Spec(samples: 2), Inputs(new Batching(new JitteredBackend(), 3), sandbox), batching,
            new EvalPerformance(), new Quiet(), CancellationToken.None);
        files.Add(File.ReadAllText(Path.Combine(batching, "samples.jsonl")));

        // Assert
        Assert.That(files.Distinct().Count(), Is.EqualTo(1), "samples.jsonl differs between in-flight levels (or with coalesced batches)");
        Assert.That(files[0].Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(20));
        Assert.That(files[0], Does.Contain("```output"), "the samples went through tool rounds");
        Assert.That(peaks[0], Is.EqualTo(1), "level 1 keeps one request in flight");
        Assert.That(peaks[1], Is.InRange(2, 7), "level 7 keeps several requests in flight, never more than 7");
    }

    [Test]
    public async Task A_sample_behind_a_blocked_program_does_not_hold_back_the_other_samples_rounds()
    {
        // Arrange: problem 0's first program blocks until the test releases it; every other sample needs two rounds
        using var temp = new TempDirectory();
        await using var inner = new SumSandbox();
        var gated = new GatedSandbox(inner, code => code.Contains("0 + 0", StringComparison.Ordinal));
        var progress = new Quiet { WhenFinished = (Toy.Problems.Count - 1, gated.Release) };
        var backend = new ScriptedBackend(r => r.AssistantPrefix.Length == 0
            ? $"```python\nprint({r.ProblemId.Split('/')[1]} + {r.ProblemId.Split('/')[1]})\n```\n"
            : r.AssistantPrefix.Split("```output\n").Length < 3
                ? "Check it.\n```python\nprint('checked')\n```\n"
                : $"$\\boxed{{{r.AssistantPrefix.Split("```output\n")[1].Split('\n')[0]}}}$");
        var spec = Spec(samples: 1) with { Generation = GenerationConfig.Greedy };

        // Act: the run can only end if the other nine samples finish (both rounds, graded, written) while program 0 blocks
        var results = await EvalRunner.RunAsync(spec, Inputs(backend, gated), temp.Path, new EvalPerformance { MaxInFlight = 4 },
            progress, CancellationToken.None);

        // Assert
        Assert.That(progress.FinishedBeforeRelease, Is.EqualTo(Toy.Problems.Count - 1));
        Assert.That(results.Benchmarks["toy"].Correct, Is.EqualTo(Toy.Problems.Count));
    }

    /// <summary>Deterministic per request, like a seeded sampler; its own delays shuffle the order in which answers return.</summary>
    private sealed class JitteredBackend : IModelBackend
    {
        private int _inFlight;
        private int _most;

        public int MostInFlight => Volatile.Read(ref _most);

        public string Spec => "jitter:";

        public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
        {
            var now = Interlocked.Add(ref _inFlight, requests.Count);
            InterlockedMax(ref _most, now);
            try
            {
                var completions = new List<Completion>();
                foreach (var request in requests)
                {
                    var seed = SampleSeed.Of(request);
                    var draw = new Random(unchecked((int)seed ^ request.AssistantPrefix.Length));
                    for (var i = draw.Next(3); i > 0; i--) await Task.Yield();
                    if (draw.Next(4) == 0) await Task.Delay(1, cancellationToken);
                    completions.Add(new Completion(Answer(request, draw)));
                }
                return completions;
            }
            finally
            {
                Interlocked.Add(ref _inFlight, -requests.Count);
            }
        }

        private static string Answer(GenerationRequest request, Random draw)
        {
            var n = int.Parse(request.ProblemId.Split('/')[1]);
            var rounds = request.AssistantPrefix.Split("```output").Length - 1;
            if (rounds < draw.Next(3)) return $"Step {rounds}.\n```python\nprint({n} + {n} + {draw.Next(2)})\n```\n";
            return $"The answer is $\\boxed{{{2 * n + draw.Next(2)}}}$.";
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
                if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// A fake executor for programs of the form <c>print(a + b + …)</c> (all these tests' models write), with its own
    /// jitter, so that hundreds of rounds take milliseconds; the Python sandboxes have their own tests.
    /// </summary>
    private sealed class SumSandbox : ICodeSandbox
    {
        public string Description => "sum (test fake)";

        public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
        {
            var expression = code.Split("print(")[1].Split(')')[0];
            for (var i = code.Length % 3; i > 0; i--) await Task.Yield();
            var output = expression.StartsWith('\'')
                ? expression.Trim('\'')
                : expression.Split('+').Sum(term => int.Parse(term.Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ExecResult(ExecStatus.Ok, 0, output + "\n", "", 1, false);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The same model seen as an in-process batching backend, so the scheduler coalesces its requests.</summary>
    private sealed class Batching(IModelBackend inner, int maxBatch) : IModelBackend, IBatchingBackend
    {
        public int MaxBatchSize => maxBatch;

        public string Spec => inner.Spec;

        public Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken) =>
            requests.Count <= maxBatch ? inner.GenerateAsync(requests, cancellationToken) : throw new InvalidOperationException("batch over the limit");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Runs programs through another sandbox, holding back the ones that match until released.</summary>
    private sealed class GatedSandbox(ICodeSandbox inner, Func<string, bool> held) : ICodeSandbox
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Description => inner.Description;

        public void Release() => _released.TrySetResult();

        public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
        {
            if (held(code)) await _released.Task.WaitAsync(cancellationToken);
            return await inner.RunPythonAsync(code, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Quiet : IRunProgress
    {
        private int _finished;

        public (int Count, Action Then)? WhenFinished { get; init; }

        public int FinishedBeforeRelease { get; private set; }

        public void Start(int total, int alreadyDone) { }

        public void Advance(int count, int correct)
        {
            var finished = Interlocked.Add(ref _finished, count);
            if (WhenFinished is { } when && finished == when.Count)
            {
                FinishedBeforeRelease = finished;
                when.Then();
            }
        }

        public void Stop() { }
    }
}
