using System.Text.RegularExpressions;
using SIaM.Core.Grading;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>
/// "Find $y$." answered with "$x = 2$ and $y = 3$": of several labelled values, the one the question asks for. Anything
/// else is left as it is (the checker still refuses "x = 8" for a question about y). Pure.
/// </summary>
public static partial class AskedAnswer
{
    /// <summary>The part of <paramref name="answer"/> that names <paramref name="asked"/>, when it lists several labelled values.</summary>
    public static ExtractedAnswer Narrow(ExtractedAnswer answer, string? asked)
    {
        if (asked is null || answer.Answer is not { Length: > 0 and < 1000 } text) return answer;
        var parts = Braces.SplitTopLevel(text.Replace(" and ", ", ", StringComparison.Ordinal).Replace(";", ","), ",")
            .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2) return answer;
        var names = new List<string>();
        foreach (var part in parts)
        {
            var m = Labelled().Match(part.Replace("$", ""));
            if (!m.Success) return answer;
            names.Add(m.Groups[1].Value);
        }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) return answer;
        var at = names.IndexOf(asked);
        return at < 0 ? answer : answer with { Answer = parts[at] };
    }

    [GeneratedRegex(@"^\s*([a-zA-Z])\s*=\s*[^=<>]+$")]
    private static partial Regex Labelled();
}
