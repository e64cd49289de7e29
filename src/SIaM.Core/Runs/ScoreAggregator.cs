using SIaM.Core.Backends;
using SIaM.Core.Sandbox;
using SIaM.Core.Scoring;

namespace SIaM.Core.Runs;

/// <summary>Aggregates sample records into per-benchmark and per-suite scores. Pure.</summary>
public static class ScoreAggregator
{
    /// <summary>
    /// Scores one benchmark from its records. pass@k and maj@k are computed for every k of <paramref name="passK"/>
    /// (each 1 ≤ k ≤ <paramref name="samplesPerProblem"/>) over the problems that have k graded samples; pass@k uses
    /// the unbiased estimator over all graded samples of a problem, maj@k the first k graded samples in sample order,
    /// grouped by <paramref name="equivalent"/> (problem id, answer, answer) — the grader's own equivalence.
    /// </summary>
    public static BenchmarkResult Benchmark(
        string version, int problems, int samplesPerProblem, IReadOnlyList<SampleRecord> records,
        IReadOnlyList<int> passK, Func<string, string, string, bool> equivalent)
    {
        var graded = records.Where(r => r.Correct is not null).ToList();
        var byProblem = graded.GroupBy(r => r.Id).Select(g => g.OrderBy(r => r.Sample).ToList()).ToList();
        var perProblem = byProblem.Select(g => g.Average(r => r.Correct == true ? 1.0 : 0.0)).ToList();
        var correct = graded.Count(r => r.Correct == true);
        var remaining = Remaining(records);
        return new BenchmarkResult(
            version, problems, problems * samplesPerProblem, graded.Count, correct,
            graded.Count == 0 ? 0 : correct / (double)graded.Count,
            Metrics.StandardError(perProblem),
            ByK(passK, k => Metrics.Mean(byProblem.Where(g => g.Count >= k)
                .Select(g => PassAtK.Estimate(g.Count, g.Count(r => r.Correct == true), k)).ToList())),
            ByK(passK, k => Metrics.Mean(byProblem.Where(g => g.Count >= k)
                .Select(g => MajorityVote.IsCorrect(
                    g.Take(k).Select(r => new MajorityVote.Ballot(r.Extracted, r.Correct == true)).ToList(),
                    (a, b) => equivalent(g[0].Id, a, b)) ? 1.0 : 0.0).ToList())),
            remaining.Missing, remaining.Failed, remaining.SandboxFailed,
            Count(records.SelectMany(r => r.Executions).Select(e => VerdictNames.Name(e.Status))),
            Count(records.Where(r => r.CompletionStatus == CompletionStatus.Ok).Select(r => r.ExtractionMethod)));
    }

    /// <summary>
    /// Scores one benchmark with pass@k and maj@k for k = 1 and <paramref name="samplesPerProblem"/>, grouping majority
    /// votes by exact equality of the extracted answers (for readers without the grader; the runner uses its equivalence).
    /// </summary>
    public static BenchmarkResult Benchmark(string version, int problems, int samplesPerProblem, IReadOnlyList<SampleRecord> records) =>
        Benchmark(version, problems, samplesPerProblem, records, [1, samplesPerProblem], (_, a, b) => a == b);

    /// <summary>Samples without a verdict, by cause.</summary>
    public static RemainingSamples Remaining(IEnumerable<SampleRecord> records)
    {
        var list = records as IReadOnlyCollection<SampleRecord> ?? records.ToList();
        return new RemainingSamples(
            list.Count(r => r.CompletionStatus == CompletionStatus.Missing),
            list.Count(r => r.CompletionStatus == CompletionStatus.Error),
            list.Count(r => r.CompletionStatus == CompletionStatus.Ok && r.Correct is null));
    }

    /// <summary>The remaining samples of every benchmark together, counting planned samples with no record as missing.</summary>
    public static RemainingSamples Remaining(IEnumerable<BenchmarkResult> benchmarks)
    {
        var list = benchmarks.ToList();
        var unrecorded = list.Sum(b => b.Samples - b.Graded - b.Missing - b.Errors - b.SandboxFailures);
        return new RemainingSamples(list.Sum(b => b.Missing) + Math.Max(0, unrecorded), list.Sum(b => b.Errors), list.Sum(b => b.SandboxFailures));
    }

    /// <summary>Aggregates the suites that the run touches.</summary>
    public static IReadOnlyDictionary<string, SuiteResult> Suites(
        IReadOnlyDictionary<string, IReadOnlyList<string>> suites, IReadOnlyDictionary<string, BenchmarkResult> benchmarks)
    {
        var result = new SortedDictionary<string, SuiteResult>(StringComparer.Ordinal);
        foreach (var (name, members) in suites)
        {
            var present = members.Where(benchmarks.ContainsKey).ToList();
            if (present.Count == 0) continue;
            var graded = present.Sum(b => benchmarks[b].Graded);
            var correct = present.Sum(b => benchmarks[b].Correct);
            result[name] = new SuiteResult(present, present.Count == members.Count, graded, correct,
                graded == 0 ? 0 : correct / (double)graded,
                present.Average(b => benchmarks[b].Accuracy));
        }
        return result;
    }

    private static IReadOnlyDictionary<string, double> ByK(IReadOnlyList<int> ks, Func<int, double> metric) =>
        new SortedDictionary<string, double>(
            ks.Distinct().Order().ToDictionary(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture), metric),
            Comparer<string>.Create((a, b) => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(int.Parse(b, System.Globalization.CultureInfo.InvariantCulture))));

    private static IReadOnlyDictionary<string, int> Count(IEnumerable<string> values) =>
        new SortedDictionary<string, int>(values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
