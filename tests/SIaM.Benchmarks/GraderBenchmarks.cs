using BenchmarkDotNet.Attributes;
using SIaM.Core.Benchmarks;
using SIaM.Grading;

namespace SIaM.Benchmarks;

/// <summary>
/// Pairs graded per second by <see cref="MathEquivalenceChecker"/> (one thread); one operation is one pair. Program.cs runs
/// it as a short job in-process (no generated project is built, so nothing collides with other builds).
/// </summary>
[MemoryDiagnoser]
public class GraderBenchmarks
{
    private const int NumericPairs = 40;
    private const int SymbolicPairs = 30;
    private readonly MathEquivalenceChecker _checker = new();
    private IReadOnlyList<GradingPair> _numeric = [];
    private IReadOnlyList<GradingPair> _symbolic = [];

    [GlobalSetup]
    public void Setup()
    {
        _numeric = PairSet.Load("numeric");
        _symbolic = PairSet.Load("symbolic");
        if (_numeric.Count != NumericPairs || _symbolic.Count != SymbolicPairs)
            throw new InvalidOperationException("pair files changed: update NumericPairs/SymbolicPairs");
    }

    [Benchmark(OperationsPerInvoke = NumericPairs)]
    public int Numeric() => Run(_numeric, AnswerKind.Number);

    [Benchmark(OperationsPerInvoke = SymbolicPairs)]
    public int Symbolic() => Run(_symbolic, AnswerKind.Expression);

    private int Run(IReadOnlyList<GradingPair> pairs, AnswerKind kind)
    {
        var equal = 0;
        foreach (var p in pairs)
            if (_checker.Compare(p.Prediction, p.Reference, kind).Equivalent) equal++;
        return equal;
    }
}
