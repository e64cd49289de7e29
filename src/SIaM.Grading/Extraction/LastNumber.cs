using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>The last number of a text, on word boundaries: the 7 of <c>Q7XZ</c> or of <c>x7</c> is part of a name, not a number.</summary>
public static partial class LastNumber
{
    /// <summary>The last standalone number (thousands separators removed) with its scale words (<see cref="ScaleWords"/>), or null.</summary>
    public static string? In(string text)
    {
        Match? last = null;
        foreach (Match m in Number().Matches(text)) last = m;
        if (last is null) return null;
        // "3 million", "1万2千": the number with its scale words, which are multipliers.
        foreach (var run in ScaleWords.Runs(text))
            if (run.Start <= last.Index && last.Index < run.End) return text[run.Start..run.End];
        var value = last.Value;
        if (Thousands().IsMatch(value.TrimStart('-'))) value = value.Replace(",", "");
        return value.TrimEnd(',');
    }

    /// <summary>Every standalone number, in order (thousands separators removed).</summary>
    public static IReadOnlyList<string> All(string text)
    {
        var all = new List<string>();
        foreach (Match m in Number().Matches(text))
        {
            var value = m.Value.TrimEnd(',');
            all.Add(Thousands().IsMatch(value.TrimStart('-')) ? value.Replace(",", "") : value);
        }
        return all;
    }

    // Not glued to a letter or underscore before, nor followed by letters that run into more digits (7XZ9) or by a run of
    // capitals (7XZ); "12km" and "5th" still give 12 and 5.
    [GeneratedRegex(@"(?<![A-Za-z_\d.])(?>-?\d[\d,]*(?:\.\d+)?(?:/\d+)?%?)(?![A-Za-z_]*\d)(?![A-Z]{2})")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?%?$")]
    private static partial Regex Thousands();
}
