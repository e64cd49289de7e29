using System.Diagnostics;
using SIaM.Grading;

namespace SIaM.Benchmarks;

/// <summary>A Stopwatch measurement (one thread, after warm-up) for a fast side-by-side table without BenchmarkDotNet.</summary>
public static class QuickMeasure
{
    public static double PairsPerSecond(string pairSet, double seconds)
    {
        var pairs = PairSet.Load(pairSet);
        var kind = PairSet.KindOf(pairSet);
        var checker = new MathEquivalenceChecker();
        foreach (var p in pairs) checker.Compare(p.Prediction, p.Reference, kind);
        var done = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var p in pairs) checker.Compare(p.Prediction, p.Reference, kind);
            done += pairs.Count;
        }
        return done / watch.Elapsed.TotalSeconds;
    }
}
