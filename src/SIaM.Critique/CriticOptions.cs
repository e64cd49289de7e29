namespace SIaM.Critique;

/// <summary>How a model critic asks.</summary>
/// <param name="Threshold">P(YES) at or above which the verdict is YES.</param>
/// <param name="FewShot">Worked examples before the case (0–2).</param>
/// <param name="Format">Chat messages, or one plain prompt ending in "Answer:".</param>
public sealed record CriticOptions(double Threshold = 0.5, int FewShot = 0, CriticFormat Format = CriticFormat.Chat);

/// <summary>How the critic prompt is sent to the model.</summary>
public enum CriticFormat
{
    /// <summary>System and user messages through the model's chat template; candidates <c>YES</c>, <c>NO</c>.</summary>
    Chat,
    /// <summary>One raw prompt ending in <c>Answer:</c>; candidates <c> YES</c>, <c> NO</c>.</summary>
    Plain,
    /// <summary>
    /// One short raw prompt with only the reference answer and the result, ending in <c>same:</c>; candidates
    /// <c> YES</c>, <c> NO</c>. For small critics trained from scratch (the demo's).
    /// </summary>
    Compact,
}
