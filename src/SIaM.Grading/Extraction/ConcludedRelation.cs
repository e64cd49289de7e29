using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>
/// A concluding sentence that states an inequality without a copula: "So x > 5.", "Hence $x \gt 5$.", "Therefore x >= 5",
/// "所以 x ≥ 5。". Only the last non-empty line is read, and only when it opens with a conclusion word. Pure; the line is
/// at most 300 characters and every repetition is bounded.
/// </summary>
public static partial class ConcludedRelation
{
    /// <summary>The relation the last line concludes with, or null.</summary>
    public static string? Last(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        if (end - start is <= 0 or > 300) return null;
        var m = Concluded().Match(text[start..end]);
        return m.Success ? m.Groups["rel"].Value.Trim().TrimEnd('.', '。').Trim() : null;
    }

    // The conclusion word, optional "we get/have", then a relation with an inequality sign and no further words.
    [GeneratedRegex(@"^\W*(?:so|thus|hence|therefore|finally|所以|因此|故|综上)[,，]?\s*(?:(?:we\s+(?:get|have|obtain)|得)[:：]?\s*)?" +
                    @"(?<rel>\$?\s*[a-zA-Z](?:_\{?\w{1,3}\}?)?\s*(?:>=|<=|>|<|≥|≤|\\(?:gt|lt|ge|le|geq|leq|geqslant|leqslant)(?![a-zA-Z]))" +
                    @"[^a-zA-Z\u4e00-\u9fff]{1,60}?\$?)\s*[.。]?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Concluded();
}
