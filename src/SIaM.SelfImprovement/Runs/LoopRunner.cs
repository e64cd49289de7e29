using SIaM.Core.Backends;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Data;
using SIaM.Evaluation;
using SIaM.Evaluation.Fingerprints;
using SIaM.Grading;
using SIaM.Reporting.Runs;
using SIaM.TorchSharp;

namespace SIaM.SelfImprovement.Runs;

/// <summary>Where the loop's programs run: the executor, its <c>--sandbox</c> name and its fingerprint for run identities.</summary>
public sealed record LoopSandbox(ICodeSandbox Sandbox, string Name, SandboxFingerprint Fingerprint);

/// <summary>
/// Every generation of the loop goes through the evaluation runner and lands in a standard run directory: the same
/// prompt (<see cref="PromptStyle.Bare"/>: the question alone, as the policy is trained), extractor, grader at
/// <see cref="Tolerance"/>, schema and identity as <c>siam eval --prompt bare</c>. So <c>siam report</c>,
/// <c>compare</c> and <c>critique</c> read them, and a rerun resumes them.
/// </summary>
public sealed class LoopRunner(LoopSandbox sandbox, Action<string> log)
{
    /// <summary>The grader's relative tolerance, as <c>siam eval</c>'s default.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// Runs (or resumes) <paramref name="samples"/> completions per question of the <c>file:</c> benchmark
    /// <paramref name="entry"/> from <paramref name="backend"/> into <paramref name="directory"/>; a complete run is read
    /// back without generating. <paramref name="label"/> and <paramref name="step"/> go to <c>checkpoint.json</c>.
    /// </summary>
    public async Task<RunLog> RunAsync(TorchSharpBackend backend, string entry, int samples, GenerationConfig generation,
        string directory, string label, long step, CancellationToken cancellationToken)
    {
        var spec = new RunSpec(backend.Spec, [entry], PromptStyle.Bare, 0, samples, null, generation, 0, sandbox.Name, Tolerance);
        var sources = BenchmarkSources.Load(
            spec.Benchmarks,
            () => throw new InvalidOperationException("the loop's benchmarks are files"),
            allowUnverified: false);
        var identity = RunIdentityBuilder.Build(spec, sources.Benchmarks, GraderVersion.Current,
            ModelFingerprints.Hf(backend.Spec, backend.Spec["hf:".Length..], FileHashCache.Default), sandbox.Fingerprint);
        if (Complete(directory, identity) is { } done) return done;
        var inputs = new EvalInputs(sources.Benchmarks, sources.Suites, backend, sandbox.Sandbox, new MathAnswerExtractor(),
            new MathEquivalenceChecker(new GradingOptions { RelativeTolerance = Tolerance }), identity);
        var results = await EvalRunner.RunAsync(spec, inputs, directory, new EvalPerformance(BatchSize: 64, Concurrency: 1), Quiet.Instance, cancellationToken)
            .ConfigureAwait(false);
        if (results.Status != RunStatus.Complete)
            throw new InvalidOperationException(
                $"{directory}: the run ended {results.Status.ToString().ToLowerInvariant()} (see its results.json); rerun the same command to resume");
        CheckpointFile.Write(directory, label, step);
        log($"{directory}: {spec.Samples} × {sources.Benchmarks[0].Problems.Count} samples");
        return RunLog.Read(directory);
    }

    /// <summary>The run in <paramref name="directory"/> when it is complete and has this identity; null otherwise.</summary>
    private static RunLog? Complete(string directory, RunIdentity identity)
    {
        if (!File.Exists(Path.Combine(directory, RunDirectory.ResultsFile))) return null;
        RunDirectory.EnsureUsable(directory, identity);
        var run = RunLog.Read(directory);
        return run.Results?.Status == RunStatus.Complete ? run : null;
    }

    private sealed class Quiet : IRunProgress
    {
        public static Quiet Instance { get; } = new();
        public void Start(int total, int alreadyDone) { }
        public void Advance(int count, int correct) { }
        public void Stop() { }
    }
}
