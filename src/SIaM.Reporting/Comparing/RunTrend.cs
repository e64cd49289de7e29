using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Comparing;

/// <summary>
/// The per-row trend over checkpoints (runs in order): only samples present, graded and asked the same way
/// (<see cref="SamplePairing.Fingerprint"/>) in every run count, so each problem is paired across all checkpoints.
/// Suites are those of the last run.
/// </summary>
public static class RunTrend
{
    /// <summary>Trend rows for each benchmark, then each suite, of <paramref name="runs"/>.</summary>
    public static IReadOnlyList<TrendRow> Build(IReadOnlyList<NamedRun> runs)
    {
        if (runs.Count < 3) throw new InputException($"a trend needs at least 3 runs, got {runs.Count}");
        var maps = runs.Select(r => r.Log.Samples.Where(s => s.Correct is not null).ToDictionary(SamplePairing.Key)).ToList();
        var keys = maps[0].Keys.Where(k => maps.All(m => m.TryGetValue(k, out var s) && SamplePairing.Fingerprint(s) == SamplePairing.Fingerprint(maps[0][k])))
            .OrderBy(k => k).ToList();
        var problems = keys.GroupBy(k => (k.Benchmark, k.Id)).ToList();
        var benchmarks = problems.Select(p => p.Key.Benchmark).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = benchmarks.Select(b => Row(b, false, [b], problems, maps)).ToList();
        foreach (var (name, suite) in runs[^1].Log.Results?.Suites ?? new Dictionary<string, SuiteResult>())
            if (suite.Benchmarks.Any(benchmarks.Contains)) rows.Add(Row(name, true, suite.Benchmarks, problems, maps));
        return rows;
    }

    private static TrendRow Row(string name, bool isSuite, IReadOnlyList<string> members,
        List<IGrouping<(string Benchmark, string Id), (string Benchmark, string Id, int Sample)>> problems,
        List<Dictionary<(string Benchmark, string Id, int Sample), SampleRecord>> maps)
    {
        var mine = problems.Where(p => members.Contains(p.Key.Benchmark)).ToList();
        var correct = maps.Select(m => mine.Select(p => p.Count(k => m[k].Correct == true)).ToArray()).ToList();
        return new TrendRow(name, isSuite, TrendTest.Of(correct, [.. mine.Select(p => p.Count())]));
    }
}
