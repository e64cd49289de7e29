using System.Text.RegularExpressions;

namespace SIaM.Grading;

/// <summary>The variable a question asks for when it names one: "Find $y$.", "What is the value of $k$?", "求 $x$ 的值", "求实数 $a$ 的值".</summary>
public static partial class AskedVariable
{
    /// <summary>The last single-letter variable the question asks for, or null.</summary>
    public static string? Of(string? question)
    {
        if (string.IsNullOrEmpty(question) || question.Length > 20_000) return null;
        string? found = null;
        foreach (Match m in Asked().Matches(question)) found = m.Groups[1].Value;
        return found;
    }

    [GeneratedRegex(
        @"(?:\b(?:find|solve for|value of|what is|determine|compute|calculate)\s+(?:the\s+)?(?:value\s+of\s+)?|" +
        @"求(?:出)?(?:实数|正数|整数|常数|正整数)?\s*)\$\s*([a-zA-Z])\s*\$(?!\s*(?:=|\(|\\in|[<>]))",
        RegexOptions.IgnoreCase)]
    private static partial Regex Asked();
}
