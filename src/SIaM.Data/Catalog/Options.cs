using System.Text;
using System.Text.RegularExpressions;

namespace SIaM.Data.Catalog;

/// <summary>Parses the option formats found in the multiple-choice files and renders them as "(A) …" lines.</summary>
internal static partial class Options
{
    /// <summary>The question followed by one "(A) text" line per option.</summary>
    public static string Render(string question, IReadOnlyDictionary<string, string> choices)
    {
        var text = new StringBuilder(question.TrimEnd());
        foreach (var (letter, option) in choices) text.Append('\n').Append('(').Append(letter).Append(") ").Append(option);
        return text.ToString();
    }

    /// <summary>Plain option texts, lettered A, B, C, … in order.</summary>
    public static IReadOnlyDictionary<string, string> Lettered(IEnumerable<string> texts) =>
        texts.Select((t, i) => (Letter: ((char)('A' + i)).ToString(), Text: t.Trim()))
            .ToDictionary(x => x.Letter, x => x.Text);

    /// <summary>A list whose items start with their letter: <c>"(A)2"</c> or <c>"A)5(√3 + 1)"</c>.</summary>
    public static IReadOnlyDictionary<string, string> FromPrefixedList(RawRecord r, IReadOnlyList<string> items)
    {
        var result = new Dictionary<string, string>();
        foreach (var item in items)
        {
            var m = ItemPrefix().Match(item);
            if (!m.Success) throw r.Error($"option '{item}' does not start with a letter like '(A)' or 'A)'");
            result[m.Groups[1].Value.ToUpperInvariant()] = item[m.Length..].Trim();
        }
        return result;
    }

    /// <summary>All options in one string, each introduced by its letter marker (<c>"A) … B) …"</c>, <c>"a ) … , b ) …"</c>).</summary>
    public static IReadOnlyDictionary<string, string> FromInlineString(RawRecord r, string text, Func<char, Regex> marker)
    {
        var starts = new List<(string Letter, int Start, int Length)>();
        var from = 0;
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            var m = marker(letter).Match(text, from);
            if (!m.Success) break;
            starts.Add((letter.ToString(), m.Index, m.Length));
            from = m.Index + m.Length;
        }
        if (starts.Count < 2) throw r.Error($"cannot find lettered options in '{text}'");
        var result = new Dictionary<string, string>();
        for (var i = 0; i < starts.Count; i++)
        {
            var begin = starts[i].Start + starts[i].Length;
            var end = i + 1 < starts.Count ? starts[i + 1].Start : text.Length;
            result[starts[i].Letter] = text[begin..end].Trim().TrimEnd(',', '\'', '"', ']', ' ').Trim();
        }
        return result;
    }

    [GeneratedRegex(@"^\s*\(?([A-Za-z])\)\s*")]
    private static partial Regex ItemPrefix();
}
