using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Core.Runs;
using SIaM.Evaluation.Output;

namespace SIaM.Evaluation.Sharding;

/// <summary>
/// Combines the shards of a run into the files an unsharded run writes: run.json, samples.jsonl (in unsharded order),
/// results.json and summary.csv, equal byte for byte apart from <c>timing</c>.
/// </summary>
public static class ShardMerger
{
    /// <summary>
    /// Merges <paramref name="set"/> over the run's data (<paramref name="benchmarks"/>, whose hashes must be the run's).
    /// A sample in the wrong shard, or a shard file that differs between shards (<paramref name="carried"/>), is refused.
    /// </summary>
    public static MergedRun Merge(ShardSet set, IReadOnlyList<LoadedBenchmark> benchmarks, IReadOnlyDictionary<string, IReadOnlyList<string>> suites,
        IEquivalenceChecker checker, IReadOnlyList<string> carried)
    {
        foreach (var b in benchmarks)
            if (set.Identity["data_sha256"]?[b.Info.Id]?.GetValue<string>() is { } expected && expected != b.DataSha256)
                throw new InputException(
                    $"the data file of {b.Info.Id} (sha256 {b.DataSha256}) is not the one the shards used ({expected}); " +
                    "pass --data with the run's data");
        var positions = EvalRunner.Problems(set.Spec, benchmarks).ToDictionary(p => p.Problem.Id, p => p.Position);
        var n = set.Shards[0].Shard.Count;
        var found = new Dictionary<(string, int), SampleRecord>();
        foreach (var shard in set.Shards)
            foreach (var record in shard.Log.Samples)
            {
                var owner = positions.TryGetValue(record.Id, out var position) ? Shard.OwnerOf(position, n)
                    : throw new InputException($"{shard.Log.Path}/samples.jsonl: sample {record.Id} is not a problem of the run");
                if (owner != shard.Shard.Index)
                    throw new InputException(
                        $"{shard.Log.Path}/samples.jsonl: sample {record.Id} #{record.Sample} belongs to shard {owner}/{n}, not {shard.Shard}");
                found[record.Key] = record;
            }
        var samples = EvalRunner.Plan(set.Spec, benchmarks)
            .Select(item => found.GetValueOrDefault((item.Problem.Id, item.Sample))).OfType<SampleRecord>().ToList();
        var finished = set.Shards.Select(s => s.Log.Results).OfType<RunResults>().ToList();
        var timing = new RunTiming(finished.Max(r => r.Timing.Finished), Math.Round(finished.Sum(r => r.Timing.Seconds), 3),
            string.Join("; ", finished.Select(r => r.Timing.Machine).Distinct()));
        var benchmarkVersions = set.Identity["benchmark_versions"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var results = RunScorer.Score(set.Spec, benchmarks, suites, checker, RunIdentity.IdOf(set.Identity), benchmarkVersions,
            finished[0].Provenance, samples, timing);
        return new MergedRun(set.Identity, samples, results, Carry(set, carried));
    }

    /// <summary>
    /// Writes the merged run into <paramref name="outDirectory"/>, which must not exist or be empty: everything goes to a
    /// temporary directory beside it first and is renamed into place, so a failure leaves nothing half-written.
    /// </summary>
    public static Task WriteAsync(MergedRun merged, string outDirectory) => WriteAsync(merged, outDirectory, _ => Task.CompletedTask);

    /// <summary>
    /// As <see cref="WriteAsync(MergedRun, string)"/>, calling <paramref name="complete"/> on the temporary directory (a
    /// readable run by then) before it is renamed into place, to add files derived from the merged run.
    /// </summary>
    public static async Task WriteAsync(MergedRun merged, string outDirectory, Func<string, Task> complete)
    {
        var target = Path.GetFullPath(outDirectory);
        if (File.Exists(target)) throw new InputException($"--out {outDirectory} is a file, not a directory");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new InputException($"--out {outDirectory} is not empty: a merge writes a new run directory");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.merge-{Environment.ProcessId}");
        try
        {
            var directory = RunDirectory.Open(temporary, merged.Identity);
            SamplesFile.WriteAll(directory.Samples, merged.Samples);
            ResultsAndSummaryWriter.Write(directory, merged.Results);
            foreach (var (name, bytes) in merged.Carried) AtomicFile.Write(Path.Combine(temporary, name), s => s.Write(bytes));
            await complete(temporary);
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temporary, target);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }

    private static Dictionary<string, byte[]> Carry(ShardSet set, IReadOnlyList<string> names)
    {
        var carried = new Dictionary<string, byte[]>();
        foreach (var name in names)
        {
            var copies = set.Shards.Select(s => (s.Log.Path, File: Path.Combine(s.Log.Path, name))).Where(x => File.Exists(x.File))
                .Select(x => (x.Path, Bytes: File.ReadAllBytes(x.File))).ToList();
            if (copies.Count == 0) continue;
            if (copies.Count != set.Shards.Count || copies.DistinctBy(c => Convert.ToBase64String(c.Bytes)).Count() > 1)
                throw new InputException($"the shards' {name} differ (or some shards lack it): give every shard the same --label/--step");
            carried[name] = copies[0].Bytes;
        }
        return carried;
    }
}
