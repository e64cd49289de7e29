namespace SIaM.Grading;

/// <summary>How lenient the grader is about what surrounds an answer.</summary>
public enum GradingMode
{
    /// <summary>Units and count words are stripped (recorded as <c>unit-stripped</c>); the last number is a reported fallback.</summary>
    Default,
    /// <summary>No last-number fallback and no unit or count-word stripping: only an answer that is stated is graded.</summary>
    Strict,
}
