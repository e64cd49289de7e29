using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Data;
using SIaM.Reporting.Comparing;

namespace SIaM.Cli;

/// <summary>
/// The questions of the runs a report shows, read from the benchmark data each run names in its run.json (only where
/// the data file is the one the run used). Best effort: a report without its data still opens, without questions.
/// </summary>
internal static class ReportQuestions
{
    public static IReadOnlyDictionary<(string Benchmark, string Id), string> Load(IEnumerable<NamedRun> runs, string? dataDirectory)
    {
        var questions = new Dictionary<(string, string), string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (run.Log.Identity["spec"]?["benchmarks"] is not JsonArray benchmarks) continue;
            foreach (var id in benchmarks.Select(b => b?.GetValue<string>()).OfType<string>())
            {
                var expected = run.Log.Identity["data_sha256"]?[id]?.GetValue<string>();
                if (!done.Add($"{id}\n{expected}")) continue;
                try
                {
                    var loaded = BenchmarkLoader.Load(id, DataLocator.Resolve(dataDirectory), allowUnverified: true);
                    if (expected is not null && expected != loaded.DataSha256) continue;
                    foreach (var p in loaded.Problems) questions.TryAdd((id, p.Id), p.Question);
                }
                catch (Exception e) when (e is InputException or IOException)
                {
                    Console.Error.WriteLine($"note: questions of {id} not shown ({e.Message})");
                }
            }
        }
        return questions;
    }
}
