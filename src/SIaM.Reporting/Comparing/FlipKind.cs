namespace SIaM.Reporting.Comparing;

/// <summary>How a paired sample changed, worst first.</summary>
public enum FlipKind
{
    /// <summary>Correct in the base, wrong in the candidate.</summary>
    CorrectToWrong,
    /// <summary>Same verdict, different completion, code or output.</summary>
    ChangedOutput,
    /// <summary>Wrong in the base, correct in the candidate.</summary>
    WrongToCorrect,
}
