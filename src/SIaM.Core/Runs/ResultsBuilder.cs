using SIaM.Core.Backends;
using SIaM.Core.Sandbox;
using SIaM.Core.Scoring;

namespace SIaM.Core.Runs;

/// <summary>Aggregates sample records into per-benchmark and per-suite scores. Pure.</summary>
public static class ResultsBuilder
{
    /// <summary>Scores one benchmark from its records.</summary>
    public static BenchmarkResult Benchmark(string versionedId, int problems, int samplesPerProblem, IReadOnlyList<SampleRecord> records)
    {
        var graded = records.Where(r => r.Correct is not null).ToList();
        var perProblem = graded.GroupBy(r => r.Id).Select(g => g.Average(r => r.Correct == true ? 1.0 : 0.0)).ToList();
        var correct = graded.Count(r => r.Correct == true);
        double? passAtK = samplesPerProblem > 1 && problems > 0
            ? graded.GroupBy(r => r.Id).Count(g => g.Any(r => r.Correct == true)) / (double)problems
            : null;
        return new BenchmarkResult(
            versionedId, problems, problems * samplesPerProblem, graded.Count, correct,
            graded.Count == 0 ? 0 : correct / (double)graded.Count,
            Metrics.StandardError(perProblem),
            passAtK,
            records.Count(r => r.CompletionStatus == CompletionStatus.Missing),
            records.Count(r => r.CompletionStatus == CompletionStatus.Error),
            records.Count(r => r.CompletionStatus == CompletionStatus.Ok && r.Correct is null),
            Count(records.SelectMany(r => r.Executions).Select(e => VerdictNames.Name(e.Status))),
            Count(records.Where(r => r.CompletionStatus == CompletionStatus.Ok).Select(r => r.ExtractionMethod)));
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

    private static IReadOnlyDictionary<string, int> Count(IEnumerable<string> values) =>
        new SortedDictionary<string, int>(values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
