using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;

namespace SIaM.Reporting.Viewer;

/// <summary>
/// The order flips are shown in: the correct → wrong flips of the rows the gate failed first (they explain the
/// verdict), then by benchmark, flip kind (worst first), problem index and sample. Never by id string, where
/// "gsm8k-10" would sort before "gsm8k-9".
/// </summary>
public static class FlipOrder
{
    /// <summary>The benchmarks whose own row, or a suite row they belong to, the gate failed.</summary>
    public static IReadOnlySet<string> FailingBenchmarks(IReadOnlyList<GateVerdict>? verdicts, IReadOnlyDictionary<string, IReadOnlyList<string>> suites) =>
        (verdicts ?? []).Where(v => v.Failed)
            .SelectMany(v => v.Row.IsSuite ? suites.GetValueOrDefault(v.Row.Name) ?? [] : [v.Row.Name])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>True for a flip that counts against a failing row.</summary>
    public static bool IsFailingRegression(Flip flip, IReadOnlySet<string> failing) =>
        flip.Kind == FlipKind.CorrectToWrong && failing.Contains(flip.Benchmark);

    /// <summary>The flips in viewing order.</summary>
    public static IReadOnlyList<Flip> Sort(IEnumerable<Flip> flips, IReadOnlySet<string> failing) =>
        flips.OrderBy(f => IsFailingRegression(f, failing) ? 0 : 1)
            .ThenBy(f => f.Benchmark, StringComparer.Ordinal)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.Pair.Base.Index)
            .ThenBy(f => f.Sample)
            .ToList();
}
