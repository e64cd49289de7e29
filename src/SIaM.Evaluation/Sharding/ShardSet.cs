using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Sharding;

/// <summary>
/// The shard directories of one run, checked to belong together: every directory holds a shard (its run.json has
/// <c>shard</c>), all identities are equal apart from the shard, shards 1..N are each present exactly once, and each is
/// complete unless incomplete ones are allowed. Every refusal is an <see cref="InputException"/> naming the cause.
/// </summary>
/// <param name="Shards">The shards, ordered by index.</param>
/// <param name="Identity">The identity of the whole run: a shard's run.json without <c>shard</c>.</param>
/// <param name="Spec">The run's spec, read back from the identity, with the pass@k the shards reported.</param>
public sealed record ShardSet(IReadOnlyList<ShardRun> Shards, JsonObject Identity, RunSpec Spec)
{
    /// <summary>Checks <paramref name="logs"/>; <paramref name="allowIncomplete"/> accepts shards that are partial or stopped.</summary>
    public static ShardSet Of(IReadOnlyList<RunLog> logs, bool allowIncomplete)
    {
        if (logs.Count == 0) throw new InputException("give the shard directories to merge");
        var shards = logs.Select(ShardRun.Of).OrderBy(s => s.Shard.Index).ToList();
        var first = shards[0];
        foreach (var other in shards.Skip(1))
            if (IdentityDifferences.Of(first.Identity, other.Identity).ToList() is { Count: > 0 } fields)
                throw new InputException(
                    $"{other.Log.Path} is a shard of a different run than {first.Log.Path} (differs in: {string.Join(", ", fields)}); " +
                    "only shards of one run (same model, data, spec and harness) can be merged");
        var count = shards.Select(s => s.Shard.Count).Distinct().ToList();
        if (count.Count > 1)
            throw new InputException($"the shards were cut in different counts ({string.Join(", ", shards.Select(s => $"{s.Log.Path}: {s.Shard}"))})");
        var n = count[0];
        foreach (var twice in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
            throw new InputException($"shard {twice.Key}/{n} is given twice ({string.Join(", ", twice.Select(s => s.Log.Path))})");
        var missing = Enumerable.Range(1, n).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new InputException(
                $"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{n}"))} missing: " +
                $"a merge needs all of 1/{n} to {n}/{n}");
        if (!allowIncomplete && shards.FirstOrDefault(s => s.IncompleteBecause is not null) is { } incomplete)
            throw new InputException(
                $"{incomplete.Log.Path} (shard {incomplete.Shard}) is incomplete: {incomplete.IncompleteBecause}; rerun that shard's eval to finish it, " +
                "or pass --allow-incomplete to merge what there is (the merged run is then partial)");
        var ks = shards.Where(s => s.Log.Results is not null).Select(s => PassKs(s.Log.Results!)).DistinctBy(k => string.Join(",", k)).ToList();
        if (ks.Count > 1)
            throw new InputException(
                $"the shards report different pass@k ({string.Join(" vs ", ks.Select(k => string.Join(",", k)))}); " +
                "rerun them with the same --pass-k");
        if (ks.Count == 0) throw new InputException("no shard has a results.json: nothing to merge");
        var identity = (JsonObject)first.Identity.DeepClone();
        identity.Remove("shard");
        var spec = identity["spec"].Deserialize<RunSpec>(JsonFormat.Document)
                   ?? throw new InputException($"{first.Log.Path}/run.json: no spec");
        return new ShardSet(shards, identity, spec with { PassK = ks[0] });
    }

    private static IReadOnlyList<int> PassKs(RunResults results) =>
        results.Benchmarks.Values.SelectMany(b => b.PassAt.Keys)
            .Select(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
}
