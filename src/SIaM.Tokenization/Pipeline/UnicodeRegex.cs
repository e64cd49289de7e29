using System.Globalization;
using System.Text.RegularExpressions;

namespace SIaM.Tokenization.Pipeline;

/// <summary>
/// A regex that sees code points, like the Rust/Oniguruma engines behind Hugging Face tokenizers. .NET matches UTF-16
/// units, so a supplementary character (an emoji, 𝑥, 𠮷) would be two surrogates outside <c>\p{L}</c>; here each
/// one is matched as a BMP stand-in of the same Unicode category, and match offsets are mapped back.
/// </summary>
internal sealed class UnicodeRegex(string pattern)
{
    private static readonly Dictionary<UnicodeCategory, char> StandIns = BuildStandIns();
    private readonly Regex _regex = new(pattern, RegexOptions.CultureInvariant);

    /// <summary>The pattern as written in tokenizer.json.</summary>
    public string Pattern => pattern;

    /// <summary>Non-empty matches as (start, length) in UTF-16 offsets of <paramref name="text"/>.</summary>
    public IEnumerable<(int Start, int Length)> Matches(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            foreach (Match m in _regex.Matches(text)) if (m.Length > 0) yield return (m.Index, m.Length);
            yield break;
        }
        var proxy = new char[text.Length];
        var origin = new List<int>(text.Length + 1);
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            origin.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]));
                proxy[n++] = StandIns.GetValueOrDefault(category, '\uE000');
                i++;
            }
            else proxy[n++] = text[i];
        }
        origin.Add(text.Length);
        foreach (Match m in _regex.Matches(new string(proxy, 0, n)))
            if (m.Length > 0) yield return (origin[m.Index], origin[m.Index + m.Length] - origin[m.Index]);
    }

    private static Dictionary<UnicodeCategory, char> BuildStandIns()
    {
        // Prefer non-ASCII stand-ins so that literal ASCII in a pattern (', \r, digits) never matches a stand-in.
        var map = new Dictionary<UnicodeCategory, char>();
        foreach (var start in new[] { 0x100, 0 })
            for (var c = start; c < 0x10000; c++)
            {
                if (c is >= 0xD800 and <= 0xDFFF) continue;
                map.TryAdd(CharUnicodeInfo.GetUnicodeCategory((char)c), (char)c);
            }
        return map;
    }
}
