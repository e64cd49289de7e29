using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>
/// LaTeX escaped twice (<c>\\frac{1}{2}</c>, <c>\\left(</c>, row breaks as <c>\\\\</c>) as happens when text is
/// JSON-encoded twice: when every command in the text is doubled, every backslash pair becomes one.
/// </summary>
public static partial class DoubledBackslashes
{
    /// <summary>The text with doubled backslashes halved, or the text itself when it is not doubly escaped.</summary>
    public static string Undo(string s)
    {
        if (!s.Contains(@"\\", StringComparison.Ordinal) || !DoubledCommand().IsMatch(s) || SingleCommand().IsMatch(s)) return s;
        return s.Replace(@"\\", @"\", StringComparison.Ordinal);
    }

    // A known command behind exactly two backslashes; "\\ \frac" (a row break, then a command) does not count.
    [GeneratedRegex(
        @"(?<!\\)\\\\(?:d?frac|left|right|sqrt|boxed|fbox|text|mathrm|cdot|times|pi|infty|le|ge|leq|geq|ne|neq|begin|end|pm|circ|" +
        @"alpha|beta|theta|ln|log|sin|cos|tan)(?![a-zA-Z])")]
    private static partial Regex DoubledCommand();

    // A command behind a single backslash (not part of a pair).
    [GeneratedRegex(@"(?<!\\)\\[a-zA-Z]{2,}")]
    private static partial Regex SingleCommand();
}
