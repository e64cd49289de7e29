using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>
/// The last math of a text, read as a sentence: in "The maximum is $\sqrt{2}$, attained at $x = \frac{\pi}{4}$" the span
/// after the copula; in "the roots are $x = 1$ and $x = 2$" the joined spans; of "$\frac{1}{2} \cdot 6 \cdot 4 = 12$" the
/// constant last side. Spans that are a bare variable name are skipped. Pure and linear.
/// </summary>
public static partial class LastMath
{
    /// <summary>The last math answer of <paramref name="text"/>, or null when it has no math span.</summary>
    public static string? In(string text)
    {
        var segments = MathSegments.All(text);
        var last = segments.Count - 1;
        while (last >= 0 && IsBare(segments[last])) last--;
        if (last < 0) return null;
        var start = SentenceStart(text, segments, last);
        var sentence = text[start..segments[last].End];
        if (SentenceMath.AfterCopula(sentence) is { } stated) return stated.Contains(", ", StringComparison.Ordinal) ? stated : ConstantLastSide(stated);
        var first = last;
        while (first > 0 && !IsBare(segments[first - 1]) && segments[first - 1].End >= start
               && SentenceMath.IsJoiner(text[segments[first - 1].End..segments[first].Start]))
            first--;
        return first < last
            ? string.Join(", ", segments.Skip(first).Take(last - first + 1).Select(s => s.Content))
            : ConstantLastSide(segments[last].Content);
    }

    private static bool IsBare(MathSegment s) => s.Content.Length == 0 || BareName().IsMatch(s.Content);

    /// <summary>"x^2 + 2x + 1 = 16" → "16": the last side of an equation whose last side is a constant.</summary>
    private static string ConstantLastSide(string content)
    {
        var sides = Braces.SplitTopLevel(content, "=");
        return sides.Count > 1 && sides[^1].Trim() is { Length: > 0 } last && ConstantSide().IsMatch(last)
               && !sides[^2].TrimEnd().EndsWith('<') && !sides[^2].TrimEnd().EndsWith('>') && !sides[^2].TrimEnd().EndsWith('!')
            ? last
            : content;
    }

    /// <summary>Index where the clause holding span <paramref name="index"/> starts (after ". ", "。", "!", ";" or a line end outside math).</summary>
    private static int SentenceStart(string text, IReadOnlyList<MathSegment> segments, int index)
    {
        var g = index - 1;
        for (var i = segments[index].Start - 1; i >= 0; i--)
        {
            if (g >= 0 && i < segments[g].End) { i = segments[g].Start; g--; continue; }
            var c = text[i];
            if (c is '\n' or '。' or '！' or ';' or '；' || (c is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))) return i + 1;
        }
        return 0;
    }

    [GeneratedRegex(@"^[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?$")]
    private static partial Regex BareName();

    // A side with no variables: digits, operators, fractions, roots, pi.
    [GeneratedRegex(@"^[-+]?(?:[\d.,\s+\-*/^(){}%]|\\(?:frac|dfrac|sqrt|pi|cdot|times|left|right)\b)+$")]
    private static partial Regex ConstantSide();
}
