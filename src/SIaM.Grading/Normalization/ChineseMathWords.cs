using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>
/// Reads the math words of Chinese exam answers as LaTeX: <c>根号3</c> → <c>\sqrt{3}</c>, <c>3倍根号2</c> → <c>3\sqrt{2}</c>,
/// <c>二分之根号3</c> → <c>\frac{\sqrt{3}}{2}</c>, <c>二分之一</c> → <c>\frac{1}{2}</c>, <c>百分之二十</c> → <c>20%</c>, and Greek
/// letters written as Unicode (<c>λ</c> → <c>\lambda</c>). Plain numerals in prose (两个, 一次) are left alone.
/// Pure and linear (non-backtracking patterns).
/// </summary>
public static partial class ChineseMathWords
{
    private static readonly (char Letter, string Command)[] Greek =
    [
        ('α', @"\alpha"), ('β', @"\beta"), ('γ', @"\gamma"), ('δ', @"\delta"), ('θ', @"\theta"), ('λ', @"\lambda"), ('μ', @"\mu"),
        ('ρ', @"\rho"), ('σ', @"\sigma"), ('φ', @"\varphi"), ('ω', @"\omega"),
    ];

    /// <summary>True when <paramref name="s"/> holds a word this class rewrites.</summary>
    public static bool Has(string s) => s.Contains("根号", StringComparison.Ordinal) || s.Contains("分之", StringComparison.Ordinal);

    /// <summary>The text with 根号/倍/分之/百分之 forms as LaTeX (unchanged when it has none).</summary>
    public static string Rewrite(string s)
    {
        if (!Has(s)) return s;
        s = Root().Replace(s, m =>
        {
            var k = m.Groups["k"].Success ? Number(m.Groups["k"].Value) : "";
            return k is null ? m.Value : $@"{k}\sqrt{{{Inner(m.Groups["x"].Value)}}}";
        });
        s = Percent().Replace(s, m => Number(m.Groups["p"].Value) is { } p ? p + "%" : m.Value);
        return Fraction().Replace(s, m =>
        {
            var den = Number(m.Groups["n"].Value);
            var num = m.Groups["m"].Value.StartsWith('\\') ? m.Groups["m"].Value : Number(m.Groups["m"].Value);
            return den is null || num is null ? m.Value : $@"\frac{{{num}}}{{{den}}}";
        });
    }

    /// <summary>Unicode Greek letters as LaTeX commands (with a space after, so that <c>λx</c> stays a product).</summary>
    public static string GreekAsLatex(string s)
    {
        if (!s.Any(c => c is >= 'α' and <= 'ω')) return s;
        foreach (var (letter, command) in Greek) s = s.Replace(letter.ToString(), command + " ", StringComparison.Ordinal);
        return s;
    }

    private static string Inner(string x) =>
        x.Length >= 2 && (x[0], x[^1]) is ('(', ')') or ('{', '}') ? x[1..^1] : Number(x) ?? x;

    private static string? Number(string s) => char.IsAsciiDigit(s[0]) ? s : ChineseNumerals.ToAscii(s);

    private const string Operand = @"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万点]+";

    [GeneratedRegex(
        @"(?:(?<k>" + Operand + @")倍)?根号下?\s*(?<x>" + Operand + @"|[a-zA-Z]|\([^()]{1,40}\)|\{[^{}]{1,40}\})",
        RegexOptions.NonBacktracking)]
    private static partial Regex Root();

    [GeneratedRegex(@"百分之(?<p>" + Operand + ")", RegexOptions.NonBacktracking)]
    private static partial Regex Percent();

    [GeneratedRegex(
        @"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十千万点]+)分之(?<m>\d*\\sqrt\{[^{}]{1,40}\}|" + Operand + ")",
        RegexOptions.NonBacktracking)]
    private static partial Regex Fraction();
}
