using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Grading;

namespace SIaM.MicroBenchmarks;

/// <summary>How one pair of a set is graded: <c>freetext</c> pairs are raw model text (extraction, then equivalence); the
/// other sets are already-extracted answers (equivalence only).</summary>
public static class PairJudge
{
    public static Func<GradingPair, bool> For(string pairSet)
    {
        var kind = PairSet.KindOf(pairSet);
        var checker = new MathEquivalenceChecker();
        if (pairSet != "freetext") return p => checker.Compare(p.Prediction, p.Reference, kind).Equivalent;
        var extractor = new MathAnswerExtractor();
        return p =>
        {
            var problem = new Problem("bench", 0, "", p.Reference, kind);
            return Grader.Judge(extractor.FromText(p.Prediction, problem), problem, checker).Correct;
        };
    }
}
