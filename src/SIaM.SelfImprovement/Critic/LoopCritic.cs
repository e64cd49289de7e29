using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Core.SelfImprovement;
using SIaM.Critique;
using SIaM.Critique.Critics;
using SIaM.Critique.Filtering;

namespace SIaM.SelfImprovement.Critic;

/// <summary>
/// The critic of a <c>siam improve</c> run: built from <c>--critic SPEC</c> (or trained for <c>--demo</c>), wrapped as
/// the loop's <see cref="CriticFilter"/> with its verdict cache at <c>DIR/critic-verdicts.jsonl</c>; its identity is
/// pinned in <c>DIR/critic.json</c>, so a rerun with another critic is refused. Critics are made by
/// <paramref name="create"/> (spec, options → critic: the caller's factory of model and replay critics).
/// </summary>
public sealed class LoopCritic(string spec, CriticOptions options, string runDirectory, Func<string, CriticOptions, ICritic> create) : IAsyncDisposable
{
    private ICritic? _critic;

    /// <summary>The filter of a model or replay critic; null for <c>--critic rule</c>.</summary>
    public CriticFilter? Create()
    {
        if (spec == "rule") return null;
        return Wrap(create(spec, options));
    }

    /// <summary>The demo's filter: the demo critic (trained under the fixture, threshold calibrated on its held-out set) unless another spec was
    /// given.</summary>
    public async Task<CriticFilter> CreateForDemoAsync(IReadOnlyList<LoopQuestion> pool, int seed, DemoCritic.Sizes sizes, string device, Action<string> log,
        CancellationToken cancellationToken)
    {
        if (spec is not ("rule" or "demo")) return Create()!;
        var model = (await DemoCritic.BuildAsync(Path.Combine(runDirectory, "fixture", "critic"), pool, seed, sizes, device, log, cancellationToken)).Model;
        // The threshold is set by calibration: the held-out threshold with the best accuracy.
        var threshold = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "critic-train.json")))?["heldout"]?["best_threshold"]?.GetValue<double>() ?? 0.5;
        log($"demo critic: threshold {threshold:0.000} (best held-out accuracy)");
        return Wrap(create("hf:" + model, options with { Format = CriticFormat.Compact, Threshold = threshold }));
    }

    /// <summary>Writes (<c>DIR/filters.md</c>) and returns the rule × critic comparison of every finished iteration.</summary>
    public static string CompareFilters(string directory, int iterations, IReadOnlyList<LoopQuestion> pool, SelectionLimits limits)
    {
        var rows = Enumerable.Range(1, iterations).SelectMany(i => FilterComparison.Compute(directory, i, pool, limits, DemoTruth.Correct)).ToList();
        var table = FilterComparison.Render(rows);
        AtomicFile.WriteText(Path.Combine(directory, "filters.md"), table);
        return table;
    }

    private CriticFilter Wrap(ICritic critic)
    {
        _critic = critic;
        var file = Path.Combine(runDirectory, "critic.json");
        var identity = critic.Identity.ToJsonString(JsonFormat.Document) + "\n";
        if (File.Exists(file) && File.ReadAllText(file) != identity)
            throw new InputException($"{file}: this run was judged by another critic " +
                $"({JsonNode.Parse(File.ReadAllText(file))?["model"] ?? "see the file"}); use another --out");
        Directory.CreateDirectory(runDirectory);
        AtomicFile.WriteText(file, identity);
        return new CriticFilter(critic, Path.Combine(runDirectory, "critic-verdicts.jsonl"));
    }

    public ValueTask DisposeAsync() => _critic?.DisposeAsync() ?? ValueTask.CompletedTask;
}
