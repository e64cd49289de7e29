using System.Text.RegularExpressions;
using SIaM.Core.Runs;

namespace SIaM.Critique.Rules;

/// <summary>
/// Reads the first verdict word of a text-only critic: YES/NO (any case, whole word), 是/否, 正确/错误, 一致/不一致
/// (不正确, 不一致 and 不是 are NO). Anything else is <see cref="CriticOutcome.Unparseable"/>, never a NO. Pure.
/// </summary>
public static partial class TextVerdict
{
    [GeneratedRegex(@"\b(?<yes>yes)\b|\b(?<no>no)\b|(?<no>不正确|不一致|不是|错误|否)|(?<yes>正确|一致|是)", RegexOptions.IgnoreCase)]
    private static partial Regex Word();

    /// <summary>The outcome of the first verdict word in <paramref name="text"/>.</summary>
    public static CriticOutcome Parse(string text)
    {
        var match = Word().Match(text);
        if (!match.Success) return CriticOutcome.Unparseable;
        return match.Groups["yes"].Success ? CriticOutcome.Yes : CriticOutcome.No;
    }
}
