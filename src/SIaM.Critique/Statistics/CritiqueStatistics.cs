using SIaM.Core.Runs;

namespace SIaM.Critique.Statistics;

/// <summary>Aggregates scored samples into <see cref="CritiqueScores"/>. Pure.</summary>
public static class CritiqueStatistics
{
    /// <summary>The scores of <paramref name="samples"/>.</summary>
    public static CritiqueScores Of(IReadOnlyCollection<ScoredSample> samples)
    {
        var matrix = AgreementMatrix.Empty;
        foreach (var s in samples.Where(s => s.Critic is CriticOutcome.Yes or CriticOutcome.No))
            matrix = matrix.Add(s.Rule, s.Critic == CriticOutcome.Yes);
        var graded = samples.Count;
        var ruleCorrect = samples.Count(s => s.Rule);
        var judged = samples.Count(s => s.Critic is not null);
        var yes = samples.Count(s => s.Critic == CriticOutcome.Yes);
        var combined = samples.Count(s => s.Combined);
        return new CritiqueScores(
            graded, ruleCorrect, Ratio(ruleCorrect, graded), samples.Count(s => !s.Gradable),
            judged, yes, samples.Count(s => s.Critic == CriticOutcome.No),
            samples.Count(s => s.Critic == CriticOutcome.Invalid), samples.Count(s => s.Critic == CriticOutcome.Unparseable),
            judged == 0 ? null : Ratio(yes, judged), combined, Ratio(combined, graded), matrix, matrix.Kappa);
    }

    /// <summary>Scores per benchmark (sorted by id).</summary>
    public static SortedDictionary<string, CritiqueScores> PerBenchmark(IEnumerable<ScoredSample> samples) =>
        new(samples.GroupBy(s => s.Benchmark).ToDictionary(g => g.Key, g => Of(g.ToList())), StringComparer.Ordinal);

    /// <summary>Scores per suite that has at least one benchmark among the samples (micro-averaged over its samples).</summary>
    public static SortedDictionary<string, CritiqueScores> PerSuite(
        IReadOnlyCollection<ScoredSample> samples, IReadOnlyDictionary<string, IReadOnlyList<string>> suites)
    {
        var result = new SortedDictionary<string, CritiqueScores>(StringComparer.Ordinal);
        foreach (var (name, members) in suites)
        {
            var set = members.ToHashSet();
            var inSuite = samples.Where(s => set.Contains(s.Benchmark)).ToList();
            if (inSuite.Count > 0) result[name] = Of(inSuite);
        }
        return result;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : a / (double)b;
}
