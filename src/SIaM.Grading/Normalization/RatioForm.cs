using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>
/// Ratios such as <c>5:6</c> (ASDiv writes ratio answers this way) read as the quotient <c>(5)/(6)</c>, so that a
/// program printing <c>0.833333</c> or <c>5/6</c> or <c>10:12</c> matches.
/// </summary>
internal static partial class RatioForm
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*[:：∶]\s*(\d+(?:\.\d+)?)\s*$")]
    private static partial Regex Ratio();

    /// <summary>The quotient form of a ratio, or null when <paramref name="text"/> is not a ratio of two numbers.</summary>
    public static string? AsQuotient(string text) =>
        Ratio().Match(text) is { Success: true } m && m.Groups[2].Value.Trim('0', '.').Length > 0
            ? $"({m.Groups[1].Value})/({m.Groups[2].Value})"
            : null;
}
