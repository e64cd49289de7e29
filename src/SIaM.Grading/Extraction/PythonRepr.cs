using System.Text;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>Rewrites a printed Python/sympy value into math text the grader reads.</summary>
public static class PythonRepr
{
    private static readonly (string From, string To)[] Wrappers =
    [
        ("np.float64(", "("), ("np.float32(", "("), ("np.int64(", "("), ("np.int32(", "("), ("numpy.float64(", "("),
        ("numpy.int64(", "("), ("np.complex128(", "("), ("Float(", "("), ("Integer(", "("), ("array(", "("), ("np.array(", "("),
        ("Decimal(", "("), ("FiniteSet(", @"\{"),
    ];

    public static string ToMath(string line)
    {
        var s = line.Trim();
        foreach (var (from, to) in Wrappers)
            if (s.Contains(from, StringComparison.Ordinal)) s = ReplaceCall(s, from, to);
        s = s.Replace("'", "").Replace("\"", "");
        if (s.StartsWith('[') && s.EndsWith(']') && Braces.OuterPairEnclosesAll(s) && !s.StartsWith("[["))
        {
            var items = Braces.SplitTopLevel(s[1..^1], ",").Select(x => Dict(Intervals(x.Trim()))).ToList();
            return string.Join(", ", items);
        }
        s = Intervals(s);
        if (s.StartsWith("Eq(") && s.EndsWith(')'))
        {
            var parts = Braces.SplitTopLevel(s[3..^1], ",");
            if (parts.Count == 2) s = parts[0].Trim() + " = " + parts[1].Trim();
        }
        return Dict(s);
    }

    /// <summary><c>{x: 2, y: 3}</c> → <c>x = 2, y = 3</c>; <c>{1, 2}</c> → <c>\{1, 2\}</c>.</summary>
    private static string Dict(string s)
    {
        if (!(s.StartsWith('{') && s.EndsWith('}') && Braces.OuterPairEnclosesAll(s))) return s;
        var items = Braces.SplitTopLevel(s[1..^1], ",").Select(x => x.Trim()).ToList();
        if (items.All(i => Braces.SplitTopLevel(i, ":").Count == 2))
            return string.Join(", ", items.Select(i => { var kv = Braces.SplitTopLevel(i, ":"); return kv[0].Trim() + " = " + kv[1].Trim(); }));
        return @"\{" + string.Join(", ", items) + @"\}";
    }

    private static string Intervals(string s)
    {
        (string Name, string Open, string Close)[] kinds =
            [("Interval.open(", "(", ")"), ("Interval.Lopen(", "(", "]"), ("Interval.Ropen(", "[", ")"), ("Interval(", "[", "]")];
        foreach (var (name, open, close) in kinds)
        {
            for (var guard = 0; guard < 16; guard++)
            {
                var at = s.IndexOf(name, StringComparison.Ordinal);
                if (at < 0) break;
                var end = MatchParen(s, at + name.Length - 1);
                if (end < 0) break;
                s = s[..at] + open + s[(at + name.Length)..end] + close + s[(end + 1)..];
            }
        }
        if (s.StartsWith("Union(") && s.EndsWith(')'))
            s = string.Join(@" \cup ", Braces.SplitTopLevel(s[6..^1], ",").Select(x => x.Trim()));
        return s;
    }

    private static string ReplaceCall(string s, string from, string to)
    {
        var sb = new StringBuilder();
        for (var guard = 0; guard < 64; guard++)
        {
            var at = s.IndexOf(from, StringComparison.Ordinal);
            if (at < 0) break;
            var end = MatchParen(s, at + from.Length - 1);
            if (end < 0) break;
            var inner = s[(at + from.Length)..end];
            var closing = to == @"\{" ? @"\}" : ")";
            s = s[..at] + to + inner + closing + s[(end + 1)..];
        }
        return sb.Append(s).ToString();
    }

    private static int MatchParen(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
