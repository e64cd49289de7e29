using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Data;

/// <summary>
/// The questions of the runs a report shows (by benchmark and problem id), read from the benchmark data each run names
/// in its run.json (only where the data file is the one the run used). Best effort: a report without its data still
/// opens, without questions; <c>note</c> is told what was left out.
/// </summary>
public static class RunQuestions
{
    public static IReadOnlyDictionary<(string Benchmark, string Id), string> Load(IEnumerable<RunLog> runs, string? dataDirectory, Action<string> note)
    {
        var questions = new Dictionary<(string, string), string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (run.Identity["spec"]?["benchmarks"] is not JsonArray benchmarks) continue;
            foreach (var id in benchmarks.Select(b => b?.GetValue<string>()).OfType<string>())
            {
                var expected = run.Identity["data_sha256"]?[id]?.GetValue<string>();
                if (!done.Add($"{id}\n{expected}")) continue;
                try
                {
                    var loaded = BenchmarkLoader.Load(id, DataLocator.Resolve(dataDirectory), allowUnverified: true);
                    if (expected is not null && expected != loaded.DataSha256) continue;
                    foreach (var p in loaded.Problems) questions.TryAdd((id, p.Id), p.Question);
                }
                catch (Exception e) when (e is InputException or IOException)
                {
                    note($"note: questions of {id} not shown ({e.Message})");
                }
            }
        }
        return questions;
    }
}
