using SIaM.Core.Benchmarks;
using SIaM.Data;

namespace SIaM.Grading.Tests;

/// <summary>Every benchmark's references parse into canonical form (100% numeric sets, ≥ 99% MATH and LaTeX sets).</summary>
public sealed class ReferenceCoverageTests
{
    /// <summary>References that are prose rather than an answer; listed here so that a new failure stands out.</summary>
    private static readonly Dictionary<string, string> KnownProse = new()
    {
        ["asdiv/1110"] = "a date in prose: '11:55 p.m. on 24 December 2014.'",
    };

    /// <summary>Floors that differ from the default target: sets whose references are largely prose (below 99%, and
    /// saying so), and sets that now parse completely (raised to 100% so that a regression stands out).</summary>
    private static readonly Dictionary<string, double> Floors = new()
    {
        // worked-solution sentences: the math in "Solution is: $…$", "P-value $=0.014$" and one-number sentences is read
        // (87.7% → 90.0%); "min at …", series, general ODE solutions and proofs are left to the critic path.
        ["college_math"] = 0.899,
        ["gaokao2023en"] = 1.0, // 383/385 → 385/385 once relations and sentences parse
        ["gaokao_math_cloze"] = 1.0, // 117/118 → 118/118
    };

    private static IEnumerable<TestCaseData> Benchmarks() =>
        BenchmarkRegistry.All.Keys.Order(StringComparer.Ordinal).Select(id => new TestCaseData(id).SetName($"References_of_{id}_parse"));

    [TestCaseSource(nameof(Benchmarks))]
    public void References_parse_into_canonical_form(string id)
    {
        // Arrange
        var root = DataLocator.Resolve(null);
        var loaded = BenchmarkLoader.Load(id, root, allowUnverified: false);

        // Act
        var failures = loaded.Problems
            .Select(p => (Problem: p, Parsed: ReferenceParser.Parse(p.Reference, p.AnswerKind)))
            .Where(x => !x.Parsed.Parsed && !KnownProse.ContainsKey(x.Problem.Id))
            .ToList();
        var rate = 1.0 - (double)failures.Count / Math.Max(1, loaded.Problems.Count);
        TestContext.Out.WriteLine($"{id}: {loaded.Problems.Count - failures.Count}/{loaded.Problems.Count} parse ({rate:P2})");
        var shown = int.TryParse(Environment.GetEnvironmentVariable("SIAM_SHOW_FAILURES"), out var n) ? n : 20;
        foreach (var f in failures.Take(shown)) TestContext.Out.WriteLine($"  {f.Problem.Id}: {f.Problem.Reference}");

        // Assert
        var target = Floors.TryGetValue(id, out var floor) ? floor
            : loaded.Info.AnswerKind is AnswerKind.Number or AnswerKind.Choice ? 1.0 : 0.99;
        Assert.That(rate, Is.GreaterThanOrEqualTo(target),
            $"{id}: {failures.Count} of {loaded.Problems.Count} references do not parse, e.g. " +
            string.Join(" | ", failures.Take(5).Select(f => f.Problem.Reference)));
    }
}
