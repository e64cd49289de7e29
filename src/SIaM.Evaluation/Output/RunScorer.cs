using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Output;

/// <summary>
/// Turns sample records into the content of <c>results.json</c>: the one computation behind a run's results and a
/// merge's, so that merged shards score byte for byte like the unsharded run.
/// </summary>
public static class RunScorer
{
    /// <summary>Scores <paramref name="records"/> of a run of <paramref name="spec"/> (its shard only, when set).</summary>
    public static RunResults Score(
        RunSpec spec, IReadOnlyList<LoadedBenchmark> benchmarks, IReadOnlyDictionary<string, IReadOnlyList<string>> suites,
        IEquivalenceChecker checker, string runId, IReadOnlyDictionary<string, string> benchmarkVersions, Provenance provenance,
        IReadOnlyList<SampleRecord> records, RunTiming timing)
    {
        var problems = benchmarks.SelectMany(b => b.Problems).ToDictionary(p => p.Id);
        bool Equivalent(string id, string a, string b) => checker.Compare(a, problems[id] with { Reference = b }).Equivalent;
        var planned = EvalRunner.Problems(spec, benchmarks).GroupBy(p => p.Benchmark.Info.Id).ToDictionary(g => g.Key, g => g.Count());
        var byBenchmark = records.GroupBy(r => r.Benchmark).ToDictionary(g => g.Key, g => (IReadOnlyList<SampleRecord>)g.ToList());
        var scored = benchmarks.ToDictionary(
            b => b.Info.Id,
            b => ScoreAggregator.Benchmark(benchmarkVersions[b.Info.Id], planned.GetValueOrDefault(b.Info.Id), spec.Samples,
                byBenchmark.GetValueOrDefault(b.Info.Id) ?? [], spec.EffectivePassK, Equivalent));
        var ordered = new SortedDictionary<string, BenchmarkResult>(scored, StringComparer.Ordinal);
        var remaining = ScoreAggregator.Remaining(ordered.Values);
        return new RunResults(
            RunResults.CurrentSchemaVersion, RunStatus.Of(remaining), remaining, runId,
            ordered, ScoreAggregator.Suites(suites, scored), provenance, timing, spec.Shard);
    }
}
