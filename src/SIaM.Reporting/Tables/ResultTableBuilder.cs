using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tables;

/// <summary>Builds the result table from runs and, optionally, their comparisons with a baseline.</summary>
public static class ResultTableBuilder
{
    /// <summary>
    /// One row per benchmark and suite of each run's <c>results.json</c>. <paramref name="comparisons"/> maps a run name
    /// to its comparison with <paramref name="baseline"/>; <paramref name="verdicts"/> to the gate's verdicts.
    /// </summary>
    public static ResultTable Build(
        IReadOnlyList<NamedRun> runs,
        string? baseline = null,
        IReadOnlyDictionary<string, RunComparison>? comparisons = null,
        IReadOnlyDictionary<string, IReadOnlyList<GateVerdict>>? verdicts = null)
    {
        var rows = new List<ResultRow>();
        foreach (var run in runs)
        {
            var results = run.Log.Results ?? throw new Core.InputException($"{run.Log.Path}: no results.json (the run did not finish)");
            rows.AddRange(Rows(run.Name, results, comparisons?.GetValueOrDefault(run.Name), verdicts?.GetValueOrDefault(run.Name))
                .Select(r => WithSampleIntervals(r, run.Log.Samples, results)));
        }
        return new ResultTable(runs.Select(r => r.Name).ToList(), baseline, rows);
    }

    /// <summary>The table of one run's results alone: what the console table of <c>siam eval</c>/<c>merge</c> renders.</summary>
    public static ResultTable Of(RunResults results, string run = "run") => new([run], null, Rows(run, results, null, null).ToList());

    private static IEnumerable<ResultRow> Rows(string run, RunResults results, RunComparison? comparison, IReadOnlyList<GateVerdict>? gate)
    {
        foreach (var (id, b) in results.Benchmarks)
            yield return new ResultRow(run, id, false, b.N, b.Graded, b.Correct, b.Accuracy,
                ProportionIntervals.Wilson(b.Correct, b.Graded), LargestPassAt(b), b.Missing, b.Errors, b.SandboxFailures,
                comparison?.Benchmarks.FirstOrDefault(c => c.Name == id),
                gate?.FirstOrDefault(v => !v.Row.IsSuite && v.Row.Name == id),
                new RowDetail(b.Version, b.Samples, b.StandardError, b.PassAt, b.MajAt, b.ExecutionStatus.Where(kv => kv.Key != "ok").Sum(kv => kv.Value)));
        foreach (var (name, s) in results.Suites)
            yield return new ResultRow(run, name, true, s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.N ?? 0),
                s.Graded, s.Correct, s.Accuracy, ProportionIntervals.Wilson(s.Correct, s.Graded), null,
                s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.Missing ?? 0),
                s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.Errors ?? 0),
                s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.SandboxFailures ?? 0),
                comparison?.Suites.FirstOrDefault(c => c.Name == name),
                gate?.FirstOrDefault(v => v.Row.IsSuite && v.Row.Name == name),
                new RowDetail(null, 0, 0, new Dictionary<string, double>(), new Dictionary<string, double>(), 0, s.Benchmarks.Count, s.Complete));
    }

    // With several samples per problem: the accuracy interval clustered by problem, pass@k's and maj@k's intervals.
    private static ResultRow WithSampleIntervals(ResultRow row, IReadOnlyList<SampleRecord> samples, RunResults results)
    {
        IReadOnlyCollection<string> members = row.IsSuite ? results.Suites[row.Name].Benchmarks : [row.Name];
        if (SampleIntervals.Of(samples, members) is not { } intervals) return row;
        var key = intervals.K.ToString(System.Globalization.CultureInfo.InvariantCulture);
        double? majority = row.IsSuite ? null : results.Benchmarks[row.Name].MajAt.TryGetValue(key, out var m) ? m : null;
        return row with
        {
            Interval = intervals.Accuracy,
            PassAtKInterval = row.PassAtK is null ? null : intervals.PassAtK,
            MajAtK = majority,
            MajAtKInterval = majority is { } share ? ProportionIntervals.Wilson((int)Math.Round(share * intervals.Problems), intervals.Problems) : null,
        };
    }

    // pass@k for the largest k > 1 the run computed (pass@n), or null for one sample per problem.
    private static double? LargestPassAt(BenchmarkResult b) =>
        b.PassAt.Select(p => (K: int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p.Value))
            .Where(p => p.K > 1).OrderByDescending(p => p.K).Select(p => (double?)p.Value).FirstOrDefault();
}
