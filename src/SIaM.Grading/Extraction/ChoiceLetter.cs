using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>Finds a multiple-choice letter (A–E) in its usual shapes: "(B)", "B.", "B", "答案：B", "选B", "option B".</summary>
public static partial class ChoiceLetter
{
    /// <summary>The letter when the whole text is just a choice (with decorations), else null.</summary>
    public static string? Whole(string text)
    {
        var m = WholePattern().Match(text.Trim());
        return m.Success ? m.Groups["l"].Value.ToUpperInvariant() : null;
    }

    /// <summary>The last letter stated as a choice anywhere in the text, else null.</summary>
    public static string? Last(string text)
    {
        string? found = null;
        foreach (Match m in InText().Matches(text)) found = m.Groups["l"].Value.ToUpperInvariant();
        return found;
    }

    /// <summary>
    /// The letters of a multiple-answer choice ("AB", "A, C", "(A)(D)", "BD 两项") sorted and distinct, when the text holds
    /// nothing else but separators; else null.
    /// </summary>
    public static string? Set(string text)
    {
        var t = Prefix().Replace(text.Trim(), "");
        if (t.Length == 0 || t.Length > 40) return null;
        var letters = new SortedSet<char>();
        foreach (var c in t)
        {
            if (c is >= 'A' and <= 'E') letters.Add(c);
            else if (c is >= 'a' and <= 'e') letters.Add(char.ToUpperInvariant(c));
            else if (!(char.IsWhiteSpace(c)
                || c is '(' or ')' or '[' or ']' or ',' or '.' or ';' or '、' or '和' or '与' or '项' or '两' or '选' or '（' or '）' or '，'))
                return null;
        }
        return letters.Count > 0 ? string.Concat(letters) : null;
    }

    [GeneratedRegex(@"^(?:(?:the )?(?:answers? (?:is|are)|options?|choices?)\s*:?\s*|答案(?:是|为|选)?\s*[:：]?\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(
        @"^(?:(?:the )?(?:answer|option|choice)(?: is)?:?\s*|答案(?:是|为|选)?\s*[:：]?\s*|选项?\s*)?" +
        @"[\(\[（]?(?<l>[A-Ea-e])[\)\]）]?[\.:：、]?(?:\s.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WholePattern();

    [GeneratedRegex(
        @"(?:answer is|answer:|option|choice|答案是|答案为|答案[:：]|选择?项?|故选|应选)\s*[:：]?\s*[\(\[（]?(?<l>[A-E])\b|" +
        @"[\(（](?<l>[A-E])[\)）]",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex InText();
}
