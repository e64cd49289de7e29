using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading;

/// <summary>
/// The forms exam references take beyond a single value, and which one a reference has:
/// <list type="bullet">
/// <item><c>alternatives</c>: <c>3/10 ## 0.3</c>, each form accepted;</item>
/// <item><c>condition</c>: <c>2 (满足 1&lt;e≤√5 皆可)</c>, the listed value or any value of the variable that satisfies the chain;</item>
/// <item><c>blanks</c>: <c>1 和 3</c>, two blanks in order;</item>
/// <item><c>word</c>: an answer word or phrase such as <c>分层抽样</c> or <c>\text{east}</c>;</item>
/// <item><c>trailing-stop</c>: a value followed by a spaced <c> .</c> or by <c>。</c>.</item>
/// </list>
/// Pure; a reference of none of these forms gives null.
/// </summary>
/// <param name="Form">Which form matched (the names above).</param>
/// <param name="Values">The accepted values (alternatives), the blanks, the listed value, the word or the value without its stop.</param>
/// <param name="Condition">For <c>condition</c>: the chain of relations, e.g. <c>1&lt;e\le\sqrt5</c>.</param>
public sealed partial record ExamReference(string Form, IReadOnlyList<string> Values, string? Condition = null)
{
    private const int MaxLength = 400;

    /// <summary>The exam form of <paramref name="reference"/>, or null when it is a plain value.</summary>
    public static ExamReference? Parse(string reference)
    {
        var r = (reference ?? "").Trim();
        if (r.Length == 0 || r.Length > MaxLength) return null;
        if (r.Contains("##", StringComparison.Ordinal))
        {
            var forms = r.Split("##").Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
            return forms.Count >= 2 ? new ExamReference("alternatives", forms) : null;
        }
        if (r.Length > 0 && r[^1] is ')' or '）' or '.' or '。' && Remark().Match(r) is { Success: true } remark
            && ConditionOf(remark.Groups["c"].Value) is { } condition)
            return new ExamReference("condition", [remark.Groups["v"].Value.Trim()], condition);
        if (r.Contains('和') && Blanks(r) is { } blanks) return new ExamReference("blanks", blanks);
        if (TrailingStop(r) is { Length: > 0 } value) return new ExamReference("trailing-stop", [value]);
        return IsWord(r) ? new ExamReference("word", [LatexNormalizer.Normalize(r)]) : null;
    }

    /// <summary>True when the reference is an answer word: letters only (two CJK characters or an English word of three letters), no math.</summary>
    public static bool IsWord(string reference)
    {
        if (reference.Length > 60 || reference.Any(char.IsAsciiDigit)) return false;
        var n = LatexNormalizer.Normalize(reference);
        if (n.Length == 0 || !WordsOnly().IsMatch(n) || ChineseNumerals.Looks(n.Replace(" ", ""))) return false;
        return n.Count(LatexNormalizer.IsCjk) >= 2 || EnglishWord().IsMatch(n);
    }

    /// <summary>"-3 ." → "-3", "4。" → "4"; null without such a stop.</summary>
    private static string? TrailingStop(string r)
    {
        if (r.EndsWith('。')) return r[..^1].Trim();
        return r.Length > 2 && r[^1] == '.' && char.IsWhiteSpace(r[^2]) ? r[..^1].Trim() : null;
    }

    /// <summary>"1 和 3": two or more math parts joined by 和, none of them words ("2 and 3" in English is more often a list).</summary>
    private static List<string>? Blanks(string r)
    {
        var parts = Joiner().Split(r).Select(x => x.Trim()).ToList();
        if (parts.Count < 2 || parts.Any(p => p.Length == 0 || p.Any(LatexNormalizer.IsCjk) || Prose().IsMatch(p))) return null;
        return parts.All(p => p.Any(c => char.IsAsciiDigit(c) || c == '\\')) ? parts : null;
    }

    /// <summary>The chain of relations in a remark: words (CJK, English of two letters or more) dropped; null when none is left.</summary>
    private static string? ConditionOf(string remark)
    {
        var math = Prose().Replace(new string(remark.Select(c => LatexNormalizer.IsCjk(c) ? ' ' : c).ToArray()), " ")
            .Trim().Trim(',', '，', ':', '：').Trim();
        return Chain().Match(math) is { Success: true } chain ? chain.Value : null;
    }

    // "2 (满足 1<e≤√5 皆可)", "2 (any e with 1<e\le\sqrt{5} is accepted)": a value, then a remark that accepts others.
    [GeneratedRegex(
        @"^(?<v>[^()（）]{1,40}?)\s*[（(](?<c>[^()（）]*(?:皆可|均可|都可|即可|都对|均对|答案不唯一|不唯一|" +
        @"\bany\b|\baccepted\b|\bacceptable\b|\bworks\b)[^()（）]*)[)）]\s*[.。]?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Remark();

    // "1<e≤√5", "1 < e \le \sqrt5": operands without spaces joined by relations (a stray "e" before it is left out).
    [GeneratedRegex(@"[^\s<>≤≥⩽⩾]+(?:\s*(?:<|>|≤|≥|⩽|⩾|\\le\b|\\ge\b|\\lt\b|\\gt\b)\s*[^\s<>≤≥⩽⩾]+)+")]
    private static partial Regex Chain();

    [GeneratedRegex(@"\s*和\s*")]
    private static partial Regex Joiner();


    // A word of two letters or more that is not a LaTeX command (\sqrt, \le).
    [GeneratedRegex(@"(?<![\\a-zA-Z])[a-zA-Z]{2,}")]
    private static partial Regex Prose();

    [GeneratedRegex(@"^[\p{L}][\p{L}\s'\-]*$")]
    private static partial Regex WordsOnly();

    [GeneratedRegex(@"[a-zA-Z]{3,}")]
    private static partial Regex EnglishWord();
}
