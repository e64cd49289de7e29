namespace SIaM.Core.Grading;

/// <summary>An answer taken out of model output, with how it was found.</summary>
/// <param name="Answer">The answer text, or null when nothing could be extracted.</param>
/// <param name="Method">How it was found: <c>program-output</c>, <c>boxed</c>, <c>answer-phrase</c> (the math of a
/// final-answer sentence), <c>choice</c>, <c>multi-blank</c>, <c>final-sentence</c> (a concluding "Therefore … is …" /
/// "故…为…" sentence), <c>bare-answer</c>, <c>last-math</c> (the last <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>),
/// <c>last-number</c> (a fallback, reported as such) or <c>none</c>.</param>
public sealed record ExtractedAnswer(string? Answer, string Method)
{
    /// <summary>Nothing could be extracted.</summary>
    public static ExtractedAnswer None { get; } = new(null, "none");
}
