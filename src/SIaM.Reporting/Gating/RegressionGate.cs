using SIaM.Reporting.Comparing;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Gating;

/// <summary>
/// Decides, per row of a comparison, whether the candidate regressed: a drop larger than the row's floor whose p-value,
/// adjusted for the family of rows the policy forms, is below α.
/// </summary>
public static class RegressionGate
{
    /// <summary>One verdict per benchmark and suite row, in the comparison's order.</summary>
    public static IReadOnlyList<GateVerdict> Evaluate(RunComparison comparison, GatePolicy policy)
    {
        var rows = comparison.Rows.ToList();
        var verdicts = new GateVerdict?[rows.Count];
        switch (policy.Family)
        {
            case GateFamily.PerRow:
                for (var i = 0; i < rows.Count; i++) verdicts[i] = Decide(rows[i], policy.For(rows[i].Name, rows[i].IsSuite));
                break;
            case GateFamily.Holm:
                Judge(rows, Enumerable.Range(0, rows.Count).ToList(), policy, null, $"Holm over {rows.Count} rows", verdicts);
                break;
            default:
                Hierarchy(comparison, rows, policy, verdicts);
                break;
        }
        return verdicts.Select(v => v!).ToList();
    }

    /// <summary>The verdict on one row judged alone, at its own α.</summary>
    public static GateVerdict Decide(ScoreComparison row, GateThreshold threshold) =>
        Verdict(row, threshold, row.PValue, threshold.Alpha, threshold.Alpha, "row alone");

    private static void Hierarchy(RunComparison comparison, List<ScoreComparison> rows, GatePolicy policy, GateVerdict?[] verdicts)
    {
        var inSuite = rows.Where(r => r.IsSuite).SelectMany(r => comparison.MembersOf(r.Name)).ToHashSet();
        var first = Enumerable.Range(0, rows.Count).Where(i => rows[i].IsSuite || !inSuite.Contains(rows[i].Name)).ToList();
        Judge(rows, first, policy, null, $"Holm over {first.Count} suites and unsuited benchmarks", verdicts);
        var second = Enumerable.Range(0, rows.Count).Where(i => verdicts[i] is null).ToList();
        if (policy.BenchmarkBudget is { } budget)
        {
            Judge(rows, second, policy, budget, $"Holm over {second.Count} benchmarks at their own budget", verdicts);
            return;
        }
        var failedSuites = first.Where(i => rows[i].IsSuite && verdicts[i]!.Failed).Select(i => rows[i].Name).ToList();
        var opened = second.Where(i => failedSuites.Any(s => comparison.MembersOf(s).Contains(rows[i].Name))).ToList();
        Judge(rows, opened, policy, null, $"Holm over {opened.Count} benchmarks of failed suites", verdicts);
        foreach (var i in second.Where(i => verdicts[i] is null))
        {
            // Not looked at; its detectable drop is that of a lone failed suite's member.
            var smallest = rows.Where(r => r.IsSuite && comparison.MembersOf(r.Name).Contains(rows[i].Name))
                .Select(r => comparison.MembersOf(r.Name).Count).DefaultIfEmpty(1).Min();
            var threshold = policy.For(rows[i].Name, false);
            verdicts[i] = Verdict(rows[i], threshold, 1, threshold.Alpha, threshold.Alpha / smallest, "not tested: its suites passed") with { Tested = false };
        }
    }

    private static void Judge(List<ScoreComparison> rows, List<int> family, GatePolicy policy, double? budget, string name, GateVerdict?[] verdicts)
    {
        var adjusted = Holm.Adjust(family.Select(i => rows[i].PValue).ToList());
        for (var k = 0; k < family.Count; k++)
        {
            var row = rows[family[k]];
            var threshold = policy.For(row.Name, row.IsSuite);
            var alpha = budget ?? threshold.Alpha;
            verdicts[family[k]] = Verdict(row, threshold, adjusted[k], alpha, alpha / family.Count, name);
        }
    }

    private static GateVerdict Verdict(ScoreComparison row, GateThreshold threshold, double adjusted, double alpha, double powerLevel, string family)
    {
        var detectable = 100 * DetectableDrop.Minimum(row.Paired?.NullStandardError ?? NullStandardError(row), row.Problems, row.SamplesPerProblem, powerLevel);
        var failed = -100 * row.Delta > threshold.MaxDropPoints && adjusted < alpha;
        return new GateVerdict(row, threshold, failed, adjusted, alpha, detectable, family, powerLevel);
    }

    // A row built without per-problem data (one sample per problem): √(flips) / pairs.
    private static double NullStandardError(ScoreComparison row) =>
        row.Pairs == 0 ? 0 : Math.Sqrt(row.CorrectToWrong + row.WrongToCorrect) / row.Pairs;
}
