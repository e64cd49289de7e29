using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>
/// Math written in prose after the last math span: LaTeX without <c>$…$</c> ("the probability is \frac{33}{100}", whose
/// last number is not the answer) and a price ("equivalent to $1250.", where <c>$</c> is a dollar sign, not math). Pure
/// and linear.
/// </summary>
public static partial class ProseMath
{
    /// <summary>The last LaTeX run or price after the last math span, when no number follows it; else null.</summary>
    public static string? Last(string text)
    {
        var segments = MathSegments.All(text);
        var from = segments.Count > 0 ? segments[^1].End : 0;
        var tail = text[from..];
        var latex = LastLatex(tail);
        // A price only matters after a math span (the last-math step would take that span); else the last number is the price.
        var price = segments.Count > 0 ? LastPrice(tail) : null;
        var (at, end, value) = latex is { } l && (price is null || l.At > price.Value.At) ? l : price ?? default;
        if (value is null) return null;
        return LastNumber.In(tail[end..]) is null ? value : null;
    }

    private static (int At, int End, string Value)? LastPrice(string tail)
    {
        Match? last = null;
        foreach (Match m in Price().Matches(tail)) last = m;
        if (last is null) return null;
        var end = last.Index + last.Length;
        var lineEnd = tail.IndexOf('\n', end);
        // A "$" later on the same line closes a math span that this "$" opens.
        if (tail.IndexOf('$', end, (lineEnd < 0 ? tail.Length : lineEnd) - end) >= 0) return null;
        return (last.Index, end, last.Groups["n"].Value.Replace(",", ""));
    }

    private static (int At, int End, string Value)? LastLatex(string tail)
    {
        Match? last = null;
        foreach (Match m in Command().Matches(tail)) last = m;
        if (last is null) return null;
        var start = last.Index;
        while (start > 0 && "0123456789.+-*/^(".Contains(tail[start - 1])) start--;
        var end = last.Index + last.Length;
        var groups = last.Groups["c"].Value switch { "pi" => 0, "sqrt" => 1, _ => 2 };
        for (var g = 0; g < groups; g++)
        {
            while (end < tail.Length && tail[end] == ' ') end++;
            if (end < tail.Length && tail[end] == '[' && tail.IndexOf(']', end) is var close and > 0) end = close + 1;
            if (end >= tail.Length) return null;
            if (tail[end] != '{') { end++; continue; }
            var depth = 0;
            var i = end;
            for (; i < tail.Length; i++)
            {
                if (tail[i] == '{') depth++;
                else if (tail[i] == '}' && --depth == 0) break;
            }
            if (i >= tail.Length) return null;
            end = i + 1;
        }
        while (end < tail.Length && "0123456789+-*/^(){}".Contains(tail[end])) end++;
        var value = tail[start..end].Trim();
        // "the \frac{a}{b} formula" names a formula; only a numeric run ("\frac{33}{100}", "14\pi") is an answer.
        return value.Length > 0 && !Letters().Replace(value, "").Any(char.IsAsciiLetter) ? (start, end, value) : null;
    }

    [GeneratedRegex(@"\\(?<c>[dt]?frac|sqrt|pi)(?![a-zA-Z])")]
    private static partial Regex Command();

    [GeneratedRegex(@"\\[a-zA-Z]+")]
    private static partial Regex Letters();

    // "$1250.", "$1,250": a dollar sign glued to a number that ends its sentence.
    [GeneratedRegex(@"(?<!\\)\$(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=\s*(?:[.。!！]|$))")]
    private static partial Regex Price();
}
