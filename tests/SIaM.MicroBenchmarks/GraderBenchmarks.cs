using BenchmarkDotNet.Attributes;
using SIaM.Core.Benchmarks;
using SIaM.Grading;

namespace SIaM.MicroBenchmarks;

/// <summary>
/// Pairs graded per second by <see cref="MathEquivalenceChecker"/> (one thread; the free-text set adds extraction); one operation is one pair. Program.cs runs
/// it as a short job in-process (no generated project is built, so nothing collides with other builds).
/// </summary>
[MemoryDiagnoser]
public class GraderBenchmarks
{
    private const int NumericPairs = 40;
    private const int SymbolicPairs = 30;
    private const int FreeTextPairs = 20;
    private readonly MathEquivalenceChecker _checker = new();
    private readonly Func<GradingPair, bool> _freeTextJudge = PairJudge.For("freetext");
    private IReadOnlyList<GradingPair> _numeric = [];
    private IReadOnlyList<GradingPair> _symbolic = [];
    private IReadOnlyList<GradingPair> _freeText = [];

    [GlobalSetup]
    public void Setup()
    {
        _numeric = PairSet.Load("numeric");
        _symbolic = PairSet.Load("symbolic");
        _freeText = PairSet.Load("freetext");
        if (_numeric.Count != NumericPairs || _symbolic.Count != SymbolicPairs || _freeText.Count != FreeTextPairs)
            throw new InvalidOperationException("pair files changed: update NumericPairs/SymbolicPairs/FreeTextPairs");
    }

    [Benchmark(OperationsPerInvoke = NumericPairs)]
    public int Numeric() => Run(_numeric, AnswerKind.Number);

    [Benchmark(OperationsPerInvoke = SymbolicPairs)]
    public int Symbolic() => Run(_symbolic, AnswerKind.Expression);

    /// <summary>Raw model text: extraction, then equivalence.</summary>
    [Benchmark(OperationsPerInvoke = FreeTextPairs)]
    public int FreeText()
    {
        var equal = 0;
        foreach (var p in _freeText)
            if (_freeTextJudge(p)) equal++;
        return equal;
    }

    private int Run(IReadOnlyList<GradingPair> pairs, AnswerKind kind)
    {
        var equal = 0;
        foreach (var p in pairs)
            if (_checker.Compare(p.Prediction, p.Reference, kind).Equivalent) equal++;
        return equal;
    }
}
