using SIaM.Core.Benchmarks;

namespace SIaM.Core.Grading;

/// <summary>Combines an extraction with an equivalence check into a <see cref="Grade"/>.</summary>
public static class Grader
{
    /// <summary>Grades an extracted answer against a problem's reference.</summary>
    public static Grade Judge(ExtractedAnswer extracted, Problem problem, IEquivalenceChecker checker)
    {
        if (extracted.Answer is null)
            return new Grade(false, null, extracted.Method, $"{extracted.Method}>no-answer", null, null);
        var eq = checker.Compare(extracted.Answer, problem);
        return new Grade(eq.Equivalent, extracted.Answer, extracted.Method, $"{extracted.Method}>{eq.Path}",
            eq.NormalizedPrediction, eq.NormalizedReference);
    }
}
