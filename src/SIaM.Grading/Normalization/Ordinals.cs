using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>An ordinal written after a number is that number: <c>12th</c>, <c>12^{th}</c>, <c>12^{\mathrm{th}}</c>, <c>2nd</c> → the digits.</summary>
public static partial class Ordinals
{
    /// <summary>The text with ordinal suffixes after digits removed.</summary>
    public static string Strip(string s) =>
        (s.Contains("th", StringComparison.Ordinal) || s.Contains("st", StringComparison.Ordinal) || s.Contains("nd", StringComparison.Ordinal)
         || s.Contains("rd", StringComparison.Ordinal)) && s.Any(char.IsAsciiDigit) ? Suffix().Replace(s, "$1") : s;

    [GeneratedRegex(@"(\d)\s*(?:\^\s*\{\s*(?:\\(?:mathrm|text|textrm|rm|textup)\s*\{\s*)?(?:st|nd|rd|th)\s*\}?\s*\}|\^\s*(?:st|nd|rd|th)\b|(?:st|nd|rd|th)\b)")]
    private static partial Regex Suffix();
}
