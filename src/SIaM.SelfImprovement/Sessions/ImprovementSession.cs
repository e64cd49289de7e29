using SIaM.Core;
using SIaM.Core.SelfImprovement;
using SIaM.Critique.Filtering;
using SIaM.Critique.Pipeline;
using SIaM.Reporting.Plots;
using SIaM.SelfImprovement.Critic;
using SIaM.SelfImprovement.Runs;

namespace SIaM.SelfImprovement.Sessions;

/// <summary>
/// One <c>siam improve</c> from bound options to its files, in the order that costs least when something is wrong: read
/// and check every input (questions, suites, policy) → claim the run directory against its pins → start the executor →
/// build the demo fixture and critic (with <c>--demo</c>) → run or resume the iterations → draw the plot.
/// </summary>
public sealed class ImprovementSession(IImprovementComposition composition, Action<string> log)
{
    /// <summary>Runs (or resumes) the loop of <paramref name="request"/>.</summary>
    public async Task<ImprovementOutcome> RunAsync(ImprovementRequest request, CancellationToken cancellationToken)
    {
        var output = request.Output;
        var (options, sizes) = Settings(request);
        IReadOnlyList<LoopQuestion> pool = [];
        IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> evaluation = new Dictionary<string, IReadOnlyList<LoopQuestion>>();
        if (!request.Demo)
        {
            evaluation = request.Eval.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => QuestionsFile.Read(s[1]));
            pool = QuestionsFile.Read(request.Questions!);
            PolicyCheck.RequireTrainable(options.Policy);
        }
        ImprovementLoop.ClaimDirectory(options, output);
        await using var critic = new LoopCritic(request.CriticSpec, request.CriticOptions, output, composition.CreateCritic);
        IProgramFilter[] filters = [new RuleFilter()];
        if (!request.Demo && critic.Create() is { } criticFilter) filters = [.. filters, criticFilter];
        var fingerprint = await composition.FingerprintSandboxAsync(request.Sandbox, cancellationToken);
        await using var executor = await composition.CreateSandboxAsync(request.Sandbox, cancellationToken);
        var sandbox = new LoopSandbox(executor, request.Sandbox, fingerprint);
        ImprovementLoop loop;
        if (sizes is not null)
        {
            var data = await DemoFixture.BuildAsync(Path.Combine(output, "fixture"), options.Seed, sizes, log, cancellationToken);
            // --critic rule given explicitly: the rule filter alone, no demo critic to train (the loop's data is the same).
            if (!request.CriticGiven || request.CriticSpec != "rule")
            {
                var critics = request.DemoSize == "ci" ? DemoCritic.Ci : DemoCritic.Demo;
                filters = [.. filters, await critic.CreateForDemoAsync(data.Pool, options.Seed, critics, request.Device, log, cancellationToken)];
            }
            (evaluation, pool) = (data.Evaluation, data.Pool);
            loop = new ImprovementLoop(options, pool, evaluation, data.Seed, sandbox, filters, log, data.Families, request.Device);
        }
        else
        {
            loop = new ImprovementLoop(options, pool, evaluation, [], sandbox, filters, log, device: request.Device);
        }
        var rows = await loop.RunAsync(output, cancellationToken);
        var suites = evaluation.Keys.ToList();
        var comparison = request.Demo && filters.Length > 1 ? LoopCritic.CompareFilters(output, rows.Count - 1, pool, options.EffectiveLimits) : null;
        var points = rows.Select(r => new IterationPoint(r.Iteration, r.Algorithm,
            r.Accuracy.ToDictionary(a => a.Key, a => new SuiteAccuracy(a.Value.Accuracy, a.Value.StdErr)), r.MeanResponseTokens)).ToList();
        ImprovementPlot.Write(points, suites, output);
        return new ImprovementOutcome(rows, suites, options.Control, request.Demo, comparison,
            Path.Combine(output, "iterations.png"), Path.Combine(output, IterationsFile.Name));
    }

    /// <summary>The loop's settings: the request's, with the demo's sizes applied, or the policy's directory.</summary>
    private static (ImprovementOptions Options, DemoFixture.Sizes? Sizes) Settings(ImprovementRequest request)
    {
        if (!request.Demo)
        {
            var policy = request.Policy ?? throw new InputException("--policy hf:DIR is required (or --demo)");
            return (request.Options with { Policy = Path.GetFullPath(policy["hf:".Length..]) }, null);
        }
        var size = request.DemoSize switch
        {
            "demo" => DemoFixture.Demo,
            "ci" => DemoFixture.Ci,
            var other => throw new InputException($"--demo-size '{other}': use demo or ci"),
        };
        var sizes = size with
        {
            SeedPerFamily = request.DemoSeedSet ?? size.SeedPerFamily,
            PoolPerFamily = request.DemoPool ?? size.PoolPerFamily,
            PolicySteps = request.DemoPolicySteps ?? size.PolicySteps,
            PolicyTarget = request.DemoPolicyTarget ?? size.PolicyTarget,
            Epochs = request.DemoEpochs ?? size.Epochs,
        };
        var options = sizes.Apply(request.Options) with
        {
            Policy = Path.Combine(request.Output, "fixture", "policy"),
            K = request.KGiven ? request.Options.K : sizes.K,
        };
        return (options, sizes);
    }
}
