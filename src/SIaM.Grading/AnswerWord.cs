using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading;

/// <summary>
/// Whether a short answer states an answer word: "Kim is facing East" states <c>east</c>, "f is an even function" states
/// <c>even</c>, "应采用分层抽样的方法" states <c>分层抽样</c>; "neither even nor odd", "not an even function", "不宜采用分层抽样" do
/// not. Whole words for English, case-insensitive. Pure.
/// </summary>
public static partial class AnswerWord
{
    private const int MaxAnswer = 300;
    private static readonly string[] EnglishNegations =
        ["not", "no", "neither", "nor", "never", "cannot", "non", "isn't", "aren't", "wasn't", "instead", "rather"];

    /// <summary>
    /// True when <paramref name="answer"/> states <paramref name="word"/>: in what follows its last copula (is, are, 为,
    /// 是) up to the next comma, or in the whole answer when it has no copula, and not negated.
    /// </summary>
    public static bool States(string answer, string word)
    {
        var a = FullWidth.ToAscii(answer).ToLowerInvariant();
        var w = word.Trim().ToLowerInvariant();
        if (w.Length == 0 || a.Length > MaxAnswer) return false;
        var from = 0;
        foreach (Match m in Copula().Matches(a)) from = m.Index + m.Length;
        var to = a.IndexOfAny([',', ';'], Math.Min(a.Length, from + FirstNonSpace(a, from)));
        if (to < 0) to = a.Length;
        // "decreasing and then increasing", "偶函数或奇函数": a statement of several answers states none of them.
        if (Conjunction().IsMatch(a[from..to])) return false;
        var cjk = w.Any(LatexNormalizer.IsCjk);
        for (var at = a.IndexOf(w, from, StringComparison.Ordinal); at >= 0 && at + w.Length <= to; at = a.IndexOf(w, at + 1, StringComparison.Ordinal))
        {
            var end = at + w.Length;
            if (!cjk && ((at > 0 && char.IsLetter(a[at - 1])) || (end < a.Length && char.IsLetter(a[end])))) continue;
            if (!(cjk ? NegatedZh(a, at) : NegatedEn(a, at))) return true;
        }
        return false;
    }

    private static int FirstNonSpace(string a, int from)
    {
        var i = from;
        while (i < a.Length && char.IsWhiteSpace(a[i])) i++;
        return i - from;
    }

    private static bool NegatedZh(string a, int at) => a[Math.Max(0, at - 4)..at].IndexOfAny(['不', '非', '没', '无', '未', '否']) >= 0;

    private static bool NegatedEn(string a, int at)
    {
        var before = EnglishWord().Matches(a[Math.Max(0, at - 40)..at]).Select(m => m.Value).TakeLast(3);
        return before.Any(b => EnglishNegations.Contains(b) || b.EndsWith("n't", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(?:is|are|was|were)\b|为|是")]
    private static partial Regex Copula();

    [GeneratedRegex(@"\b(?:or|and|then|but|either)\b|或|和|但|然后|以及")]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"[a-z']+")]
    private static partial Regex EnglishWord();
}
