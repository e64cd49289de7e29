using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>
/// The answer inside a sentence: "The smallest $k$ is 12" → <c>12</c>, "the matrix is $\begin{pmatrix}…$, as required" →
/// the matrix, "故 $x$ 的值为 $5$" → <c>$5$</c>. What follows the last copula (is, are, equals, 为, 是, 等于) outside math;
/// otherwise the last math span. Pure.
/// </summary>
public static partial class SentenceMath
{
    /// <summary>The math of <paramref name="sentence"/>, or null when it has neither a copula nor a math span.</summary>
    public static string? Of(string sentence)
    {
        var segments = MathSegments.All(sentence);
        var copula = LastCopula(sentence, segments);
        if (copula >= 0)
        {
            var rest = sentence[copula..].Trim();
            var after = segments.Where(s => s.Start >= copula).ToList();
            if (after.Count > 0) return after[0].Content.Length > 0 ? Joined(sentence, after) : null;
            rest = rest.TrimEnd('.', '。', '!', ' ').Trim();
            if (rest.Length > 0) return rest;
        }
        return segments.Count > 0 ? ValueOf(segments[^1].Content) : null;
    }

    /// <summary>"is $x = 1$ or $x = 2$": spans joined only by "or", "and", a comma, 或, 和 or 、 are one answer.</summary>
    private static string Joined(string sentence, List<MathSegment> after)
    {
        var parts = new List<string> { ValueOf(after[0].Content) };
        for (var i = 1; i < after.Count && IsJoiner(sentence[after[i - 1].End..after[i].Start]); i++) parts.Add(ValueOf(after[i].Content));
        return string.Join(", ", parts);
    }

    [GeneratedRegex(@"^\s*(?:,?\s*(?:or|and)|,|或|和|、|，)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Joiner();

    /// <summary>"P-value $=0.014$": a span that opens with = or \approx holds the value after it.</summary>
    private static string ValueOf(string content)
    {
        var t = content.TrimStart();
        if (t.StartsWith('=')) return t[1..].Trim();
        return t.StartsWith(@"\approx", StringComparison.Ordinal) ? t[7..].Trim() : content;
    }

    /// <summary>The math spans right after the sentence's last copula outside math ("is $a$ or $b$" → "a, b"), or null.</summary>
    public static string? AfterCopula(string sentence)
    {
        var segments = MathSegments.All(sentence);
        var copula = LastCopula(sentence, segments);
        if (copula < 0) return null;
        var after = segments.Where(s => s.Start >= copula).ToList();
        return after.Count > 0 && after[0].Content.Length > 0 ? Joined(sentence, after) : null;
    }

    /// <summary>True when the text between two math spans only joins them ("or", "and", ",", 或, 和, 、).</summary>
    public static bool IsJoiner(string gap) => gap.Length < 12 && Joiner().IsMatch(gap);

    /// <summary>True when the text around its math spans reads as prose (so the span, not the sentence, is the answer).</summary>
    public static bool IsProse(string text)
    {
        var segments = MathSegments.All(text);
        var outside = segments.Count == 0 ? text : Outside(text, segments);
        return Word().IsMatch(outside) || (segments.Count > 0 && outside.Any(LatexNormalizer.IsCjk));
    }

    /// <summary>Index just past the last copula outside math, or -1.</summary>
    private static int LastCopula(string s, IReadOnlyList<MathSegment> segments)
    {
        var best = -1;
        foreach (Match m in Copula().Matches(s))
        {
            if (segments.Any(g => m.Index >= g.Start && m.Index < g.End)) continue;
            // 因为 (because), 作为, 成为, 认为, 称为 are not "is".
            if (m.Value == "为" && m.Index > 0 && "因作成认称分以".Contains(s[m.Index - 1])) continue;
            best = m.Index + m.Length;
        }
        return best;
    }

    private static string Outside(string text, IReadOnlyList<MathSegment> segments)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var g in segments)
        {
            parts.Add(text[at..g.Start]);
            at = g.End;
        }
        parts.Add(text[at..]);
        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"\b(?:is|are|was|equals|equal to|becomes|gives)\b\s*:?|为|是|等于", RegexOptions.IgnoreCase)]
    private static partial Regex Copula();

    [GeneratedRegex(@"(?<![\\a-zA-Z])[a-zA-Z]{3,}")]
    private static partial Regex Word();
}
