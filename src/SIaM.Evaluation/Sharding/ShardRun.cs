using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Sharding;

/// <summary>One shard directory: its run, its slice, and its identity without the slice.</summary>
/// <param name="Log">The shard's run.</param>
/// <param name="Shard">Its slice.</param>
/// <param name="Identity">Its run.json without <c>shard</c>: equal for all shards of one run.</param>
/// <param name="IncompleteBecause">Why it is not complete, or null when its results.json says complete.</param>
public sealed record ShardRun(RunLog Log, Shard Shard, JsonObject Identity, string? IncompleteBecause)
{
    /// <summary>Reads the slice of <paramref name="log"/>; a run that is not a shard is refused.</summary>
    public static ShardRun Of(RunLog log)
    {
        var shard = log.Identity["shard"] is JsonObject node
            ? node.Deserialize<Shard>(JsonFormat.Document) ?? throw new InputException($"{log.Path}/run.json: empty shard")
            : throw new InputException($"{log.Path} is not a shard (its run.json has no shard; it was not run with --shard I/N)");
        var identity = (JsonObject)log.Identity.DeepClone();
        identity.Remove("shard");
        var incomplete = log.Results switch
        {
            null => "it has no results.json (its eval did not finish)",
            { Status: RunStatus.Complete } => null,
            var r => $"its results.json says {r.Status} ({r.Remaining.Missing} missing, {r.Remaining.Failed} failed, " +
                $"{r.Remaining.SandboxFailed} sandbox-failed)",
        };
        return new ShardRun(log, shard, identity, incomplete);
    }
}
