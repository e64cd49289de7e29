using System.Text;

namespace SIaM.SelfImprovement.Contamination;

/// <summary>
/// How texts are compared for contamination. Pure. A question is normalised by case-folding, dropping punctuation and
/// collapsing whitespace. Its tokens are words and numbers, and every CJK character on its own (Chinese has no
/// spaces), so an n-gram spans n words in English and n characters in Chinese. A program is normalised by dropping
/// blank lines and trailing whitespace.
/// </summary>
public static class OverlapText
{
    /// <summary>The n of the n-gram check (as GPT-3's and most contamination studies' 13-gram overlap).</summary>
    public const int N = 13;

    /// <summary>Lower-case words, numbers and CJK characters joined by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            var token = word.ToString().TrimEnd('.');
            if (token.Length > 0) tokens.Add(token);
            word.Clear();
        }
        foreach (var c in text.ToLowerInvariant())
        {
            if (IsCjk(c)) { Flush(); tokens.Add(c.ToString()); }
            else if (char.IsLetterOrDigit(c) || c == '.' && word.Length > 0 && char.IsDigit(word[^1])) word.Append(c);
            else Flush();
        }
        Flush();
        return tokens;
    }

    /// <summary>Every run of <see cref="N"/> consecutive tokens, joined by spaces.</summary>
    public static IEnumerable<string> NGrams(string text)
    {
        var tokens = Tokens(text);
        for (var i = 0; i + N <= tokens.Count; i++) yield return string.Join(' ', tokens.Skip(i).Take(N));
    }

    /// <summary>The program without blank lines and trailing whitespace.</summary>
    public static string NormalizeProgram(string program) =>
        string.Join('\n', program.Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
