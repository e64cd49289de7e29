using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>
/// The answer section of a reply, when it has one: the content of the last <c>【答案】</c> up to its end marker
/// (<c>&lt;eoa&gt;</c>, the next <c>【…】</c> section, or the end of the text), or the lines under a "Final Answer" heading
/// standing on its own line (<c>Final Answer:</c>, <c>**Final Answer**</c>, <c>## Final Answer</c>) up to the first blank
/// line after them. What the reasoning says before the section, or a remark after it, is not the answer. Pure and linear.
/// </summary>
public static partial class AnswerSection
{
    private const string Marker = "【答案】";

    /// <summary>The content of the answer section (trimmed, never empty), or null when the text has none.</summary>
    public static string? Of(string text)
    {
        var at = text.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var from = at + Marker.Length;
            var end = text.Length;
            var eoa = text.IndexOf("<eoa>", from, StringComparison.OrdinalIgnoreCase);
            if (eoa >= 0) end = eoa;
            var next = text.IndexOf('【', from);
            if (next >= 0 && next < end) end = next;
            var content = text[from..end].Replace("<eoe>", " ", StringComparison.OrdinalIgnoreCase).Trim().TrimStart(':', '：').Trim();
            if (content.Length > 0) return content;
        }
        return UnderHeading(text);
    }

    private static string? UnderHeading(string text)
    {
        Match? last = null;
        foreach (Match m in Heading().Matches(text)) last = m;
        if (last is null) return null;
        var lines = text[(last.Index + last.Length)..].Split('\n');
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (kept.Count > 0) break;
                continue;
            }
            kept.Add(line.Trim());
        }
        var content = string.Join("\n", kept).Trim();
        return content.Length > 0 ? content : null;
    }

    [GeneratedRegex(@"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \t]*final answer[ \t]*:?[ \t]*(?:\*\*)?[ \t]*:?[ \t\r]*$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Heading();
}
