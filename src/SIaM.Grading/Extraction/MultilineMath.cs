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
        if (!text.Contains('\n') || (!text.Contains('$') && !text.Contains('\\'))) return text;
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
}
