using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;

namespace SIaM.Core.Runs;

/// <summary>
/// The version of a loaded benchmark: <c>ID@M+H</c>, where <c>M</c> is the catalog's mapping version
/// (<see cref="BenchmarkInfo.Version"/>, bumped by hand on a deliberate mapping change) and <c>H</c> the first 8 hex of
/// SHA-256 over <c>M</c>, the data file's sha256 and the problem and reference hash of every mapped problem. So the
/// version changes whenever the data file or anything the mapping produces changes (question text, choices, reference,
/// answer kind, record count), even if nobody remembered to bump <c>M</c>, and stays equal when neither changed.
/// </summary>
public static class BenchmarkVersion
{
    /// <summary>The version of <paramref name="benchmark"/>, e.g. <c>gsm8k@1+3f2a9c01</c>.</summary>
    public static string Of(LoadedBenchmark benchmark)
    {
        var lines = new List<string> { $"mapping {benchmark.Info.Version}", $"data {benchmark.DataSha256}" };
        lines.AddRange(benchmark.Problems.Select(p => $"{ContentHashes.Problem(p)} {ContentHashes.Reference(p)}"));
        return $"{benchmark.Info.VersionedId}+{Sha256.Hex(string.Join("\n", lines))[..8]}";
    }
}
