using SIaM.Core.Runs;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Comparing;

/// <summary>Compares a candidate run with a base run. Pure and deterministic for a given seed.</summary>
public static class RunComparer
{
    /// <summary>Pairs the runs' samples and scores every benchmark, and every suite the candidate's results list.</summary>
    public static RunComparison Compare(NamedRun baseRun, NamedRun candidate, double alpha = 0.05, int seed = 20240601)
    {
        var paired = SamplePairing.Pair(baseRun.Log.Samples, candidate.Log.Samples);
        var benchmarks = paired.Pairs.Select(p => p.Base.Benchmark)
            .Concat(paired.NotComparable.Select(n => n.Benchmark)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = benchmarks.Select(b => Score(b, false, [b], paired, alpha, seed)).ToList();
        var suites = (candidate.Log.Results?.Suites ?? new Dictionary<string, SuiteResult>())
            .Where(s => s.Value.Benchmarks.Any(benchmarks.Contains))
            .Select(s => Score(s.Key, true, s.Value.Benchmarks, paired, alpha, seed)).ToList();
        var flips = paired.Pairs.Select(Flip.Of).OfType<Flip>()
            .OrderBy(f => f.Kind).ThenBy(f => f.Benchmark, StringComparer.Ordinal).ThenBy(f => f.Pair.Base.Index).ThenBy(f => f.Sample)
            .ToList();
        var members = (candidate.Log.Results?.Suites ?? new Dictionary<string, SuiteResult>())
            .ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.Benchmarks.Where(benchmarks.Contains).ToList());
        return new RunComparison(baseRun.Name, candidate.Name, alpha, rows, suites, flips, paired.NotComparable, members);
    }

    private static ScoreComparison Score(string name, bool isSuite, IReadOnlyList<string> members, PairedSamples paired, double alpha, int seed)
    {
        var pairs = paired.Pairs.Where(p => p.Graded && members.Contains(p.Base.Benchmark)).ToList();
        var problems = pairs.GroupBy(p => (p.Base.Benchmark, p.Base.Id)).ToList();
        var baseScores = problems.Select(g => g.Average(p => p.Base.Correct == true ? 1.0 : 0.0)).ToList();
        var candidateScores = problems.Select(g => g.Average(p => p.Candidate.Correct == true ? 1.0 : 0.0)).ToList();
        var down = pairs.Count(p => p.Base.Correct == true && p.Candidate.Correct == false);
        var up = pairs.Count(p => p.Base.Correct == false && p.Candidate.Correct == true);
        var clusters = new PairedProblems(
            [.. problems.Select(g => g.Count(p => p.Base.Correct == true))], [.. problems.Select(g => g.Count(p => p.Candidate.Correct == true))],
            [.. problems.Select(g => g.Count())]);
        var statistics = PairedDifference.Of(clusters, down, up);
        return new ScoreComparison(
            name, isSuite, problems.Count, pairs.Count,
            paired.NotComparable.Count(n => members.Contains(n.Benchmark)),
            Mean(pairs.Select(p => p.Base.Correct == true)), Mean(pairs.Select(p => p.Candidate.Correct == true)),
            PairedBootstrap.DeltaInterval(baseScores, candidateScores, seed, alpha),
            down, up, statistics.PValue, statistics);
    }

    private static double Mean(IEnumerable<bool> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Count(v => v) / (double)list.Count;
    }
}
