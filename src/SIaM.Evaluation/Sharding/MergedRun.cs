using System.Text.Json.Nodes;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Sharding;

/// <summary>A merge, ready to write: the files of the whole run.</summary>
/// <param name="Identity">The whole run's run.json content.</param>
/// <param name="Samples">Every sample, in the unsharded run's order.</param>
/// <param name="Results">The whole run's results.json content.</param>
/// <param name="Carried">Other files the shards agree on (e.g. checkpoint.json), by name.</param>
public sealed record MergedRun(JsonObject Identity, IReadOnlyList<SampleRecord> Samples, RunResults Results, IReadOnlyDictionary<string, byte[]> Carried);
