using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>The math spans of a text: <c>$$…$$</c>, <c>$…$</c>, <c>\[…\]</c> and <c>\(…\)</c>, in order. Currency such as
/// "$5 and $7" is not math.</summary>
public static partial class MathSegments
{
    private static readonly (string Open, string Close)[] Delimiters = [("$$", "$$"), (@"\[", @"\]"), (@"\(", @"\)"), ("$", "$")];

    /// <summary>Every complete math span, as (start, end, content), where end is just past the closing delimiter.</summary>
    public static IReadOnlyList<MathSegment> All(string text)
    {
        var found = new List<MathSegment>();
        // Where a search for each closing delimiter already failed: no later search can succeed (keeps this linear).
        var unclosedFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var (open, close) = OpensAt(text, i);
            if (open is null) { i++; continue; }
            var contentStart = i + open.Length;
            var end = unclosedFrom.TryGetValue(close!, out var failed) && contentStart >= failed ? -1 : FindClose(text, contentStart, close!);
            if (end < 0)
            {
                unclosedFrom[close!] = Math.Min(contentStart, unclosedFrom.GetValueOrDefault(close!, int.MaxValue));
                i = contentStart;
                continue;
            }
            var content = text[contentStart..end];
            if (open != "$" || !Currency().IsMatch(content)) found.Add(new MathSegment(i, end + close!.Length, content.Trim()));
            i = end + close!.Length;
        }
        return found;
    }

    private static (string? Open, string? Close) OpensAt(string text, int i)
    {
        if (i > 0 && text[i - 1] == '\\' && text[i] == '$') return (null, null);
        foreach (var (open, close) in Delimiters)
            if (string.CompareOrdinal(text, i, open, 0, open.Length) == 0 && (open != @"\[" || i == 0 || text[i - 1] != '\\'))
                return (open, close);
        return (null, null);
    }

    private static int FindClose(string text, int from, string close)
    {
        for (var j = from; j <= text.Length - close.Length; j++)
        {
            if (text[j] == '\\' && close == "$" && j + 1 < text.Length && text[j + 1] == '$') { j++; continue; }
            if (string.CompareOrdinal(text, j, close, 0, close.Length) != 0) continue;
            return j;
        }
        return -1;
    }

    // "$5 and $": a price followed by words, not an inline formula.
    [GeneratedRegex(@"^\s*\d[\d,.]*\s+[a-zA-Z]{2,}|^\s*$")]
    private static partial Regex Currency();
}
