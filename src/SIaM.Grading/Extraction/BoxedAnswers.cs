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
    public static string Join(IReadOnlyList<string> boxes, AnswerKind kind, bool referenceHasParts)
    {
        if (boxes.Count == 1) return boxes[0];
        if (kind == AnswerKind.MultiBlank) return string.Join("; ", boxes);
        if (kind == AnswerKind.List) return string.Join(", ", boxes);
        if (referenceHasParts && !HasParts(boxes[^1], kind)) return string.Join(", ", boxes.Where(b => b.Length > 0).Distinct(StringComparer.Ordinal));
        return boxes[^1];
    }

    /// <summary>True when <paramref name="answer"/> reads as several answers: a list, a set, a tuple or a union.</summary>
    public static bool HasParts(string answer, AnswerKind kind)
    {
        if (answer.Length == 0 || answer.Length > 2000) return false;
        return ShapeParser.Parse(LatexNormalizer.Normalize(answer), kind != AnswerKind.List) switch
        {
            SeqShape { Items.Count: >= 2 } seq => !IsInterval(seq),
            SeqShape { IsSet: true } => true,
            UnionShape => false,
            _ => false,
        };
    }

    private static bool IsInterval(SeqShape s) =>
        s.Items.Count == 2 && (s.Open == '[' || s.Close == ']' || (s.Open == '(' && s.Items.Any(i => i is ScalarShape sc && sc.Text.Contains("infty"))));
}
