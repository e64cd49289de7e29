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
            var comparison = comparisons?.GetValueOrDefault(run.Name);
            var gate = verdicts?.GetValueOrDefault(run.Name);
            foreach (var (id, b) in results.Benchmarks)
                rows.Add(new ResultRow(run.Name, id, false, b.N, b.Graded, b.Correct, b.Accuracy,
                    ProportionIntervals.Wilson(b.Correct, b.Graded), b.PassAtK, b.Missing, b.Errors, b.SandboxFailures,
                    comparison?.Benchmarks.FirstOrDefault(c => c.Name == id),
                    gate?.FirstOrDefault(v => !v.Row.IsSuite && v.Row.Name == id)));
            foreach (var (name, s) in results.Suites)
                rows.Add(new ResultRow(run.Name, name, true, s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.N ?? 0),
                    s.Graded, s.Correct, s.Accuracy, ProportionIntervals.Wilson(s.Correct, s.Graded), null,
                    s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.Missing ?? 0),
                    s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.Errors ?? 0),
                    s.Benchmarks.Sum(m => results.Benchmarks.GetValueOrDefault(m)?.SandboxFailures ?? 0),
                    comparison?.Suites.FirstOrDefault(c => c.Name == name),
                    gate?.FirstOrDefault(v => v.Row.IsSuite && v.Row.Name == name)));
        }
        return new ResultTable(runs.Select(r => r.Name).ToList(), baseline, rows);
    }
}
