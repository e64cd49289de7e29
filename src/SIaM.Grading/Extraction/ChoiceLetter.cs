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

    [GeneratedRegex(@"^(?:(?:the )?(?:answer|option|choice)(?: is)?:?\s*|答案(?:是|为|选)?\s*[:：]?\s*|选项?\s*)?[\(\[（]?(?<l>[A-Ea-e])[\)\]）]?[\.:：、]?(?:\s.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"(?:answer is|answer:|option|choice|答案是|答案为|答案[:：]|选择?项?|故选|应选)\s*[:：]?\s*[\(\[（]?(?<l>[A-E])\b|[\(（](?<l>[A-E])[\)）]",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex InText();
}
