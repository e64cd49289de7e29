using System.Text.Json;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Fingerprints;

/// <summary>Builds a run's identity from the frozen spec and its inputs, before any model is loaded or container started.</summary>
public static class RunIdentityBuilder
{
    /// <summary>The identity of running <paramref name="spec"/> over <paramref name="benchmarks"/>.</summary>
    public static RunIdentity Build(
        RunSpec spec, IReadOnlyList<LoadedBenchmark> benchmarks, string graderVersion, ModelFingerprint model, SandboxFingerprint sandbox)
    {
        var templates = benchmarks.Select(b => PromptTemplates.For(spec.Prompt, b.Info.Language)).DistinctBy(t => t.Key);
        return new RunIdentity(
            RunIdentity.CurrentSchemaVersion,
            new HarnessStamp(HarnessInfo.Version, HarnessInfo.GitRevision),
            graderVersion, model, sandbox,
            JsonSerializer.SerializeToNode(spec, JsonFormat.Document)!.AsObject(),
            Sorted(benchmarks.ToDictionary(b => b.Info.Id, BenchmarkVersion.Of)),
            Sorted(benchmarks.ToDictionary(b => b.Info.Id, b => b.DataSha256)),
            Sorted(templates.ToDictionary(t => t.Key, t => t.Hash)),
            spec.Shard);
    }

    private static SortedDictionary<string, string> Sorted(Dictionary<string, string> values) => new(values, StringComparer.Ordinal);
}
