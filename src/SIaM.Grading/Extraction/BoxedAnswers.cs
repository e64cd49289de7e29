using SIaM.Core.Benchmarks;
using SIaM.Grading.Normalization;
using SIaM.Grading.Structure;

namespace SIaM.Grading.Extraction;

/// <summary>
/// Several <c>\boxed{}</c> in one response: one answer each for a multi-blank or list question, or for a reference with
/// several parts (<c>1, 2</c>, <c>\{(5, 2), (7, 2)\}</c>, <c>x = 3 or x = -1</c>), joined in order without repeats, so that
/// the last box is never taken alone for such a reference. Unless the last box already holds several parts itself. Pure.
/// </summary>
public static class BoxedAnswers
{
    /// <summary>The answer of the boxes <paramref name="boxes"/> (at least one).</summary>
    /// <param name="boxes">The box contents, in order (at least one).</param>
    /// <param name="kind">The question's answer kind.</param>
    /// <param name="reference">The reference's form (<see cref="PartsOf"/>); never its value.</param>
    public static string Join(IReadOnlyList<string> boxes, AnswerKind kind, ReferenceParts reference)
    {
        if (boxes.Count == 1) return boxes[0];
        if (kind == AnswerKind.MultiBlank) return string.Join("; ", boxes);
        if (kind == AnswerKind.List) return string.Join(", ", boxes);
        // A box that is one tuple is one part when the reference is a set of tuples.
        var lastHasParts = PartsOf(boxes[^1], kind) is { Several: true } last && !(reference.OfTuples && last.IsTuple);
        if (reference.Several && !lastHasParts) return string.Join(", ", boxes.Where(b => b.Length > 0).Distinct(StringComparer.Ordinal));
        return boxes[^1];
    }

    /// <summary>Whether <paramref name="answer"/> reads as several answers (a list, a set, a tuple), and whether its parts are tuples.</summary>
    public static ReferenceParts PartsOf(string answer, AnswerKind kind)
    {
        if (answer.Length == 0 || answer.Length > 2000 || kind is AnswerKind.Choice or AnswerKind.MultiBlank) return default;
        var shape = ShapeParser.Parse(LatexNormalizer.Normalize(answer), kind != AnswerKind.List);
        if (shape is not SeqShape seq || (seq.Items.Count < 2 && !seq.IsSet) || IsInterval(seq)) return default;
        var isTuple = !seq.IsSet && !seq.IsBare;
        return new ReferenceParts(true, seq.Items.Any(i => i is SeqShape { IsSet: false, IsBare: false }), isTuple);
    }

    private static bool IsInterval(SeqShape s) =>
        s.Items.Count == 2 && (s.Open == '[' || s.Close == ']' || (s.Open == '(' && s.Items.Any(i => i is ScalarShape sc && sc.Text.Contains("infty"))));
}

/// <summary>The form of an answer with several parts.</summary>
/// <param name="Several">It has several parts.</param>
/// <param name="OfTuples">Its parts are tuples (a list or set of tuples).</param>
/// <param name="IsTuple">It is one bracketed tuple.</param>
public readonly record struct ReferenceParts(bool Several, bool OfTuples, bool IsTuple);
