using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Evaluation.Fingerprints;
using SIaM.Evaluation.Runs;
using SIaM.Grading;

namespace SIaM.Evaluation.Sessions;

/// <summary>
/// One <c>siam eval</c> from options to results, in the order that costs least when something is wrong: validate every
/// option → bind the request → load the data → build the identity (fingerprints, no model load) → check the output
/// directory against it → load the model and start the executor → run → write the checkpoint label → critique.
/// </summary>
public sealed class EvalSession(IEvalComposition composition, IEvalSessionView view)
{
    /// <summary>
    /// Runs every validator first (all problems are reported together, before any data, model, engine or HTTP is
    /// touched); only then is <paramref name="bind"/> called, so binding may assume valid values.
    /// </summary>
    public async Task<RunResults> RunAsync(IEnumerable<IOptionValidator> validators, Func<EvalRequest> bind, CancellationToken cancellationToken)
    {
        Preflight.ThrowIfInvalid(validators);
        var request = bind();
        var spec = request.Spec;
        if (spec.Samples > 1 && spec.Generation.IsGreedy)
            view.Note("warning: --n > 1 with greedy decoding gives k identical samples; set --temperature");

        var sources = BenchmarkSources.Load(spec.Benchmarks, () => DataLocator.Resolve(request.DataDirectory), request.AllowUnverified);
        var benchmarks = sources.Benchmarks;
        var problems = benchmarks.SelectMany(b => b.Problems).ToDictionary(p => p.Id);
        // The identity comes first: a resume with a different one is refused before any model load or container start.
        var identity = RunIdentityBuilder.Build(spec, benchmarks, GraderVersion.Current,
            await composition.FingerprintModelAsync(spec.Model, cancellationToken),
            await composition.FingerprintSandboxAsync(spec.Sandbox, spec.Prompt, cancellationToken));
        var outDirectory = request.OutDirectory ?? Path.Combine("reports", "runs", identity.RunId);
        RunDirectory.EnsureUsable(outDirectory, identity);
        await using var backend = composition.CreateBackend(spec.Model, problems, request.CacheDirectory);
        await using var sandbox = await composition.CreateSandboxAsync(spec.Sandbox, spec.Prompt, cancellationToken);
        var inputs = new EvalInputs(benchmarks, sources.Suites, backend, sandbox,
            new MathAnswerExtractor(mode: spec.Grading), new MathEquivalenceChecker(spec.GradingOptions), identity);

        view.Note($"siam eval: {spec.Model} on {string.Join(", ", spec.Benchmarks)}{(spec.Shard is { } shard ? $" shard {shard}" : "")} " +
                  $"({spec.Prompt.ToString().ToLowerInvariant()}, executor {sandbox?.Description ?? "none"}) → {outDirectory}");
        var results = await view.ShowProgressAsync(progress =>
            EvalRunner.RunAsync(spec, inputs, outDirectory, request.Performance, progress, cancellationToken));
        if (request.Label is not null || request.Step is not null)
            CheckpointFile.Write(outDirectory, request.Label, request.Step);
        view.Finished(results, outDirectory);
        if (RunFailureSummary.Describe(results, outDirectory) is { } failure) view.Note(failure);
        if (request.Critique is { } critique)
            await CritiqueSession.RunAsync(outDirectory, critique, view, cancellationToken);
        return results;
    }
}
