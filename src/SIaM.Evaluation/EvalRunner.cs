using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Evaluation.Fingerprints;
using SIaM.Evaluation.Output;
using SIaM.Evaluation.Scheduling;
using SIaM.Grading;

namespace SIaM.Evaluation;

/// <summary>What an evaluation needs besides its spec: the data, the model, the executor and the grader.</summary>
/// <param name="Identity">The run's identity, computed before the backend and sandbox were created
/// (<see cref="Fingerprints.RunIdentityBuilder"/>); null: one is built from the spec with the model fingerprinted by its spec
/// alone (scripted test backends).</param>
public sealed record EvalInputs(
    IReadOnlyList<LoadedBenchmark> Benchmarks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Suites,
    IModelBackend Backend,
    ICodeSandbox? Sandbox,
    IAnswerExtractor Extractor,
    IEquivalenceChecker Checker,
    RunIdentity? Identity = null);

/// <summary>Options that change how fast a run goes, never its results.</summary>
/// <param name="BatchSize">Requests per call of the critique pass that may follow a run (an evaluation itself batches
/// what is ready, up to the in-process model's own batch size).</param>
/// <param name="Concurrency">Calls in flight of the critique pass that may follow a run.</param>
public sealed record EvalPerformance(int BatchSize = 16, int Concurrency = 4)
{
    /// <summary>A fixed number of model requests in flight (<c>--max-in-flight</c>); null: adaptive.</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>The adaptive level's first value.</summary>
    public int InitialInFlight { get; init; } = 8;

    /// <summary>The adaptive level's ceiling (an endpoint's <c>concurrency=N</c> caps it lower).</summary>
    public int InFlightCeiling { get; init; } = 4096;

    /// <summary>Receives where the samples' time went, when set (benchmarks read it after the run).</summary>
    public PhaseTimes? Times { get; init; }
}

/// <summary>Runs an evaluation into an output directory, resumably.</summary>
public static class EvalRunner
{
    /// <summary>
    /// Evaluates every problem × sample not already final in <paramref name="outDirectory"/>, then writes the sorted
    /// samples, <c>results.json</c> and <c>summary.csv</c>.
    /// </summary>
    public static async Task<RunResults> RunAsync(
        RunSpec spec, EvalInputs inputs, string outDirectory, EvalPerformance performance, IRunProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var benchmark in inputs.Benchmarks)
            if (benchmark.Problems.Count == 0)
                throw new InputException($"benchmark {benchmark.Info.Id} has no problems: its data file is empty");
        var identity = IdentityOf(spec, inputs);
        var directory = RunDirectory.Open(outDirectory, identity);
        var planned = Plan(spec, inputs.Benchmarks);
        var done = new ConcurrentDictionary<(string, int), SampleRecord>(
            SamplesFile.ReadExisting(directory.Samples).Where(kv => kv.Value.IsFinal));
        var todo = planned.Where(item => !done.ContainsKey((item.Problem.Id, item.Sample))).ToList();

        progress.Start(planned.Count, planned.Count - todo.Count);
        var times = performance.Times ?? new PhaseTimes();
        var scheduler = GenerationScheduler.For(inputs.Backend, performance);
        var solver = new SampleSolver(spec, scheduler, inputs.Sandbox, inputs.Extractor, inputs.Checker, times);
        var latest = new ConcurrentDictionary<(string, int), SampleRecord>(done);
        try
        {
            using var samples = SamplesFile.OpenForAppend(directory.Samples);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var writeLock = new Lock();
            var running = new List<Task>();
            async Task SolveAndWriteAsync(WorkItem item)
            {
                try
                {
                    var record = await solver.SolveAsync(item, stop.Token);
                    var clock = Stopwatch.StartNew();
                    lock (writeLock) samples.Append(record);
                    latest[record.Key] = record;
                    times.AddWrite(clock.Elapsed);
                    // The snapshot first: the line Advance prints then counts this sample's time-outs too.
                    progress.Report(scheduler.Snapshot(solver.ProgramTimeouts));
                    progress.Advance(1, record.Correct == true ? 1 : 0);
                }
                catch
                {
                    await stop.CancelAsync(); // one sample's fault stops the run, as a failed batch did
                    throw;
                }
            }
            foreach (var item in todo)
            {
                // a sample starts only while the model has room for its first request: samples back from the sandbox go first
                try
                {
                    await scheduler.Gate.WaitForRoomAsync(stop.Token);
                    stop.Token.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException)
                {
                    break; // interrupted, or a sample failed: the samples still running end first, then the cause is reported
                }
                running.Add(SolveAndWriteAsync(item));
                running.RemoveAll(t => t.IsCompletedSuccessfully);
            }
            await WhenAllReportingFirstFaultAsync(running);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception) when (TryWriteStopped(spec, inputs, directory, planned, latest, clock.Elapsed.TotalSeconds))
        {
            // never reached: the filter writes results.json with status "error" and lets the exception go on
        }
        progress.Stop();

        var ordered = planned.Select(item => latest[(item.Problem.Id, item.Sample)]).ToList();
        SamplesFile.WriteAll(directory.Samples, ordered);
        var results = Results(spec, inputs, ordered, clock.Elapsed.TotalSeconds);
        ResultsAndSummaryWriter.Write(directory, results);
        return results;
    }

    private static async Task WhenAllReportingFirstFaultAsync(List<Task> running)
    {
        try
        {
            await Task.WhenAll(running);
        }
        catch when (running.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.Exception!.InnerException!).Throw();
        }
    }

    /// <summary>
    /// A run that stopped before every sample was attempted (interrupted, or a fault the run cannot go on through) still
    /// leaves a readable <c>results.json</c>: status <c>error</c>, scores over the samples that finished. The samples file
    /// stays as appended, so a rerun resumes. Returns false so that the exception propagates.
    /// </summary>
    private static bool TryWriteStopped(RunSpec spec, EvalInputs inputs, RunDirectory directory, IReadOnlyList<WorkItem> planned,
        IReadOnlyDictionary<(string, int), SampleRecord> latest, double seconds)
    {
        try
        {
            var finished = planned.Select(item => latest.GetValueOrDefault((item.Problem.Id, item.Sample))).OfType<SampleRecord>().ToList();
            RunResultsFile.Write(directory.Results, Results(spec, inputs, finished, seconds) with { Status = RunStatus.Error });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a full or read-only disk: the original exception is the one to report
        }
        return false;
    }

    /// <summary>The problems × samples of the run (of its shard, when set), in canonical order, with their prompts.</summary>
    public static IReadOnlyList<WorkItem> Plan(RunSpec spec, IReadOnlyList<LoadedBenchmark> benchmarks) =>
        Problems(spec, benchmarks).SelectMany(planned =>
        {
            var template = PromptTemplates.For(spec.Prompt, planned.Benchmark.Info.Language);
            var messages = PromptBuilder.Build(planned.Problem, template, spec.FewShot);
            var hash = PromptBuilder.Hash(messages);
            return Enumerable.Range(0, spec.Samples).Select(sample => new WorkItem(planned.Problem, sample, messages, hash));
        }).ToList();

    /// <summary>
    /// The problems of the run in canonical order (benchmarks in run order, problems in file order, after the limit),
    /// numbered across the whole run; when the spec names a shard, only the problems that shard owns (<see cref="Shard"/>).
    /// </summary>
    public static IReadOnlyList<PlannedProblem> Problems(RunSpec spec, IReadOnlyList<LoadedBenchmark> benchmarks) =>
        benchmarks.SelectMany(benchmark => benchmark.Problems.Take(spec.Limit ?? int.MaxValue).Select(problem => (benchmark, problem)))
            .Select((x, position) => new PlannedProblem(x.benchmark, x.problem, position))
            .Where(p => spec.Shard?.Owns(p.Position) ?? true)
            .ToList();

    private static RunResults Results(RunSpec spec, EvalInputs inputs, IReadOnlyList<SampleRecord> records, double seconds)
    {
        var identity = IdentityOf(spec, inputs);
        return RunScorer.Score(spec, inputs.Benchmarks, inputs.Suites, inputs.Checker, identity.RunId, identity.BenchmarkVersions,
            Provenance(spec, inputs, identity), records,
            new RunTiming(DateTimeOffset.UtcNow, Math.Round(seconds, 3),
                $"{Environment.MachineName} ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})"));
    }

    /// <summary>The identity of the run: the one computed up front, else one built from the spec and the backend's spec.</summary>
    public static RunIdentity IdentityOf(RunSpec spec, EvalInputs inputs) => inputs.Identity ?? RunIdentityBuilder.Build(
        spec, inputs.Benchmarks, GraderVersion.Current, ModelFingerprint.SpecOnly(inputs.Backend.Spec),
        new SandboxFingerprint(spec.Sandbox, null));

    private static Provenance Provenance(RunSpec spec, EvalInputs inputs, RunIdentity identity) => new(
        identity.Harness.Version, identity.Harness.GitRevision, identity.GraderVersion, inputs.Backend.Spec,
        identity.Model.ContentSha256, inputs.Sandbox?.Description ?? "none", identity.Sandbox.ImageId,
        spec.Prompt.ToString().ToLowerInvariant(), identity.PromptTemplateHashes, identity.BenchmarkVersions, identity.DataSha256,
        spec.EffectiveGeneration, spec.Generation.Seed, spec.Samples, spec.Limit, spec.FewShot, spec.MaxToolRounds,
        spec.RelativeTolerance);
}
