using SIaM.Core.Grading;
using SIaM.Grading.Extraction;

namespace SIaM.Grading;

/// <summary>
/// The answer of a reference that is a whole worked solution, found the way a prediction's is: its boxes, its final-answer
/// phrase, its concluding sentence; a short reference goes to <see cref="ReferenceAnswer"/> (a sentence reduced to its
/// math, or kept as it is). <see cref="Step"/> says which step found it, and the checker records it in the path
/// (<c>reference-boxed&gt;…</c>). Pure and bounded.
/// </summary>
public static class ReferenceExtraction
{
    /// <summary>The reference is used as it is (the step is not recorded in the path).</summary>
    public const string AsIs = "as-is";

    private const int MaxLength = 20_000;

    /// <summary>The answer part of <paramref name="reference"/> and the step that found it.</summary>
    public static (string Answer, string Step) Of(string reference)
    {
        var text = reference.Length > MaxLength ? reference[^MaxLength..] : reference;
        if (BoxedContent.All(text) is { Count: > 0 } boxes && !IsOnlyBox(text, boxes))
            return (string.Join(", ", boxes.Distinct(StringComparer.Ordinal)), "boxed");
        if (IsWorkedSolution(text))
        {
            if (AnswerPhrase.Last(text) is { } phrased)
                return (SentenceMath.IsProse(phrased) && SentenceMath.Of(phrased) is { } math ? math : phrased, "answer-phrase");
            if (FinalSentence.Last(text) is { } concluded) return (concluded, "final-sentence");
        }
        var answer = ReferenceAnswer.Of(reference);
        return (answer, ReferenceEquals(answer, reference) ? AsIs : "sentence");
    }

    /// <summary>"\boxed{5}" alone is a plain reference: the normaliser unwraps it.</summary>
    private static bool IsOnlyBox(string text, IReadOnlyList<string> boxes) =>
        boxes.Count == 1 && text.Trim().TrimStart('$').TrimEnd('$').Trim() is var t && t.StartsWith(@"\boxed", StringComparison.Ordinal)
        && t.EndsWith('}') && t.Length <= boxes[0].Length + 9;

    /// <summary>Several sentences or lines: a solution, not an answer.</summary>
    private static bool IsWorkedSolution(string text)
    {
        var t = text.Trim();
        if (t.Length < 12) return false;
        var breaks = 0;
        for (var i = 0; i < t.Length && breaks < 2; i++)
        {
            var c = t[i];
            if (c is '\n' or '。' || (c is '.' && i + 1 < t.Length && t[i + 1] == ' ' && i > 0 && !char.IsAsciiDigit(t[i - 1]))) breaks++;
        }
        return breaks >= 1;
    }
}
