using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.Validation;
using SIaM.Critique.Pipeline;
using SIaM.Data;
using SIaM.Evaluation;
using SIaM.Evaluation.Sessions;

namespace SIaM.Tests.Evaluation;

public sealed class EvalSessionTests
{
    [Test]
    public async Task Refuses_every_bad_option_together_before_it_binds_loads_or_fingerprints_anything()
    {
        // Arrange: two bad options; a binder and a composition that record being called
        var composition = new RecordingComposition();
        var view = new RecordingView();
        var bound = false;
        IOptionValidator[] validators =
        [
            IntRangeValidator.Positive("--n", 0),
            NumberRangeValidator.Probability("--threshold", 2),
        ];

        // Act
        var error = await Assert.ThrowsAsync<InputException>(() => new EvalSession(composition, view).RunAsync(validators, () =>
        {
            bound = true;
            throw new InvalidOperationException("bound");
        }, CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.Contain("--n").And.Contain("--threshold"));
        Assert.That(bound, Is.False);
        Assert.That(composition.Calls, Is.Empty);
        Assert.That(view.Lines, Is.Empty);
    }

    [Test]
    public async Task Loads_a_question_file_fingerprints_before_it_loads_the_model_and_writes_the_run_and_its_checkpoint_label()
    {
        // Arrange: three questions; a model that answers the first two right
        using var temp = new TempDirectory();
        var questions = Path.Combine(temp.Path, "sums.jsonl");
        File.WriteAllText(questions, "{\"question\":\"1+1?\",\"answer\":2}\n{\"question\":\"2+2?\",\"answer\":4}\n{\"question\":\"3+3?\",\"answer\":6}\n");
        var composition = new RecordingComposition();
        var view = new RecordingView();
        var outDirectory = Path.Combine(temp.Path, "run");
        var spec = new RunSpec("scripted:", BenchmarkSources.Expand("file:" + questions), PromptStyle.Cot, 0, 1, null,
            GenerationConfig.Greedy, 0, "none", 1e-4);

        // Act
        var results = await new EvalSession(composition, view).RunAsync([], () => new EvalRequest(spec, new EvalPerformance(2, 1))
        {
            OutDirectory = outDirectory,
            Label = "step-10",
            Step = 10,
        }, CancellationToken.None);

        // Assert
        Assert.That(composition.Calls, Is.EqualTo(new[] { "fingerprint model", "fingerprint sandbox", "create backend", "create sandbox" }));
        Assert.That(results.Status, Is.EqualTo("complete"));
        Assert.That((results.Benchmarks["sums"].Graded, results.Benchmarks["sums"].Correct), Is.EqualTo((3, 2)));
        Assert.That(view.Finished, Is.EqualTo(outDirectory));
        Assert.That(view.Lines[0], Does.StartWith("siam eval: scripted: on file:").And.EndWith("(cot, executor none) → " + outDirectory));
        Assert.That(CheckpointFile.Read(outDirectory), Is.EqualTo(((string?)"step-10", (double?)10)));
        Assert.That(RunLog.Read(outDirectory).Samples.Select(s => s.Correct), Is.EqualTo(new bool?[] { true, true, false }));
    }

    private sealed class RecordingComposition : IEvalComposition
    {
        public List<string> Calls { get; } = [];

        public Task<ModelFingerprint> FingerprintModelAsync(string modelSpec, CancellationToken cancellationToken)
        {
            Calls.Add("fingerprint model");
            return Task.FromResult(ModelFingerprint.SpecOnly(modelSpec));
        }

        public Task<SandboxFingerprint> FingerprintSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken)
        {
            Calls.Add("fingerprint sandbox");
            return Task.FromResult(SandboxFingerprint.None);
        }

        public IModelBackend CreateBackend(string modelSpec, IReadOnlyDictionary<string, Problem> problems, string? cacheDirectory)
        {
            Calls.Add("create backend");
            // Right on every problem but the last, wrong there.
            return new ScriptedBackend(r => problems[r.ProblemId] is var p && p.Index < 2 ? $"\\boxed{{{p.Reference}}}" : "\\boxed{-1}");
        }

        public Task<ICodeSandbox?> CreateSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken)
        {
            Calls.Add("create sandbox");
            return Task.FromResult<ICodeSandbox?>(null);
        }
    }

    private sealed class RecordingView : IEvalSessionView
    {
        public List<string> Lines { get; } = [];
        public string? Finished { get; private set; }

        public void Note(string line) => Lines.Add(line);

        public Task<RunResults> ShowProgressAsync(Func<IRunProgress, Task<RunResults>> run) => run(new Silent());

        void IEvalSessionView.Finished(RunResults results, string outDirectory) => Finished = outDirectory;

        public void Critiqued(CritiqueResults results, string directory) => Lines.Add("critiqued " + directory);
    }

    private sealed class Silent : IRunProgress
    {
        public void Start(int total, int alreadyDone) { }
        public void Advance(int count, int correct) { }
        public void Stop() { }
    }
}
