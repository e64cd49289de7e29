namespace SIaM.Grading.Extraction;

/// <summary>
/// A math span written over several lines (<c>$\n\frac{1}{2}\n$</c>, a <c>$$…$$</c> block) is one answer: its line breaks
/// become spaces so that the line-based steps (answer phrase, last line) see it whole. Linear.
/// </summary>
public static class MultilineMath
{
    private const int MaxSpan = 2000;

    /// <summary>The text with line breaks inside its math spans replaced by spaces.</summary>
    public static string OnOneLine(string text)
    {
        if (!text.Contains('\n') || !MayCrossLines(text)) return text;
        char[]? chars = null;
        foreach (var span in MathSegments.All(text))
        {
            if (span.End - span.Start > MaxSpan) continue;
            for (var i = span.Start; i < span.End; i++)
            {
                if (text[i] is not ('\n' or '\r')) continue;
                chars ??= text.ToCharArray();
                chars[i] = ' ';
            }
        }
        return chars is null ? text : new string(chars);
    }

    /// <summary>A line with an odd number of <c>$</c>, or a <c>\[</c> / <c>\(</c> not closed on its line, may open a span that
    /// goes on (a cheap test that spares the full scan for most texts).</summary>
    private static bool MayCrossLines(string text)
    {
        var dollars = 0;
        var open = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (dollars % 2 == 1 || open > 0) return true;
                dollars = open = 0;
            }
            else if (c == '$' && (i == 0 || text[i - 1] != '\\'))
            {
                dollars++;
                if (i + 1 < text.Length && text[i + 1] == '$') i++; // "$$" is one delimiter
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] is '[' or '(') open++;
                else if (text[i + 1] is ']' or ')') open = Math.Max(0, open - 1);
            }
        }
        return false;
    }
}
