using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Structure;

/// <summary>Reads the structure of a normalised answer (see <see cref="Shape"/>). Total and bounded in depth.</summary>
public static partial class ShapeParser
{
    private const int MaxDepth = 4;
    private const int MaxItems = 64;
    private static readonly string[] RelationOps = [@"\le", @"\ge", @"\ne", @"\lt", @"\gt", "<", ">", "="];

    public static Shape Parse(string s, bool allowThousands = true) => Parse(s.Trim(), allowThousands, 0);

    private static Shape Parse(string s, bool allowThousands, int depth)
    {
        if (depth > MaxDepth || s.Length == 0) return new ScalarShape(s);
        if (allowThousands && s.Contains(',') && Thousands().IsMatch(s)) return new ScalarShape(s.Replace(",", ""));
        if (Matrix(s) is { } matrix) return matrix;
        if (s.Contains(@"\begin", StringComparison.Ordinal) && MatrixExpression.Evaluate(s) is { } evaluated) return evaluated;

        // "x \approx 1.3098", "\approx(2.32, 4.37)": the approximate value is the answer.
        var approx = Braces.SplitTopLevel(s, @"\approx");
        if (approx.Count > 1 && approx[^1].Trim().Length > 0) return Parse(approx[^1].Trim(), allowThousands, depth + 1);
        // "-1<x \le 1:(-1,1]": a statement followed by its interval.
        var colon = Braces.SplitTopLevel(s, ":");
        if (colon.Count == 2 && colon[1].Trim() is { Length: > 2 } tail && tail[0] is '(' or '[')
            return Parse(tail, allowThousands, depth + 1);

        var union = Braces.SplitTopLevel(s, @"\cup");
        if (union.Count > 1 && union.Count <= MaxItems)
            return new UnionShape(union.Select(p => Parse(p.Trim(), false, depth + 1)).ToList());

        if (s.Contains(@"\in", StringComparison.Ordinal) && Membership().Match(s) is { Success: true } member)
            return Parse(member.Groups[1].Value, false, depth + 1);
        if (s.StartsWith(@"\{", StringComparison.Ordinal) && SetBuilder().Match(s) is { Success: true } builder
            && Relation(builder.Groups[1].Value.Trim()) is { } condition)
            return condition;
        if (Bracketed(s, depth) is { } seq) return seq;

        var list = SplitList(s);
        if (list.Count > 1 && list.Count <= MaxItems)
            return new SeqShape(' ', ' ', list.Select(p => Parse(p, false, depth + 1)).ToList());

        if (Relation(s) is { } relation) return relation;

        foreach (var (sign, first, second) in new[] { (@"\pm", "+", "-"), (@"\mp", "-", "+") })
        {
            var at = s.IndexOf(sign, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = s[(at + sign.Length)..];
            var head = s[..at];
            return new SeqShape('{', '}', [Parse(head + first + rest, false, depth + 1), Parse(head + second + rest, false, depth + 1)]);
        }
        return new ScalarShape(s);
    }

    private static List<string> SplitList(string s)
    {
        var t = s.Replace(" or ", ",", StringComparison.OrdinalIgnoreCase).Replace(" and ", ",", StringComparison.OrdinalIgnoreCase)
            .Replace("或", ",").Replace("和", ",").Replace("及", ",");
        // ";" separates answers too ("1; 2"); a multi-blank answer is split at ";" before it gets here.
        return Braces.SplitTopLevel(t.Replace(";", ","), ",").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
    }

    private static SeqShape? Bracketed(string s, int depth)
    {
        char open, close;
        string inner;
        if (s.StartsWith(@"\{") && s.EndsWith(@"\}") && s.Length >= 4)
        {
            (open, close, inner) = ('{', '}', s[2..^2]);
            if (!Braces.OuterPairEnclosesAll("(" + inner + ")")) return null;
        }
        else if (s.Length >= 2 && s[0] is '(' or '[' && s[^1] is ')' or ']' && Braces.OuterPairEnclosesAll(s))
            (open, close, inner) = (s[0], s[^1], s[1..^1]);
        else if (s.Length >= 2 && s[0] == '{' && s[^1] == '}' && Braces.OuterPairEnclosesAll(s))
            (open, close, inner) = ('{', '}', s[1..^1]); // a Python set repr
        else return null;
        var items = Braces.SplitTopLevel(inner, ",").Select(p => p.Trim()).ToList();
        if (items.Count == 1 && open != '{') items = Braces.SplitTopLevel(inner, ";").Select(p => p.Trim()).ToList(); // "(1; 2)"
        if (items.Count > MaxItems) return null;
        if (open != '{' && items.Count < 2) return null;
        if (items.Count == 1 && items[0].Length == 0) return new SeqShape(open, close, []);
        return new SeqShape(open, close, items.Select(p => Parse(p, false, depth + 1)).ToList());
    }

    private static RelationShape? Relation(string s)
    {
        var sides = new List<string>();
        var ops = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '(' or '[' or '{') { depth++; continue; }
            if (c is ')' or ']' or '}') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            foreach (var op in RelationOps)
            {
                if (string.CompareOrdinal(s, i, op, 0, op.Length) != 0) continue;
                if (op[0] == '\\' && i + op.Length < s.Length && char.IsAsciiLetter(s[i + op.Length])) continue;
                sides.Add(s[start..i].Trim());
                ops.Add(op switch { @"\lt" => "<", @"\gt" => ">", _ => op });
                start = i + op.Length;
                i = start - 1;
                break;
            }
        }
        if (ops.Count == 0 || ops.Count > 4) return null;
        sides.Add(s[start..].Trim());
        return sides.Any(x => x.Length == 0) ? null : new RelationShape(sides, ops);
    }

    private static MatrixShape? Matrix(string s)
    {
        var begin = s.Contains(@"\begin", StringComparison.Ordinal) ? MatrixBegin().Match(s) : Match.Empty;
        if (begin.Success)
        {
            var end = s.IndexOf(@"\end{", begin.Index + begin.Length, StringComparison.Ordinal);
            if (end < 0) return null;
            // Only brackets may surround it: "A = \begin{…}" is a relation, "2\begin{…}" a product.
            var after = s.IndexOf('}', end + 5);
            if (s[..begin.Index].Trim() is not ("" or "[" or "(") || (after >= 0 ? s[(after + 1)..].Trim() : "") is not ("" or "]" or ")")) return null;
            var body = s[(begin.Index + begin.Length)..end];
            var rows = body.Split(@"\\").Select(r => r.Trim()).Where(r => r.Length > 0)
                .Select(r => (IReadOnlyList<string>)r.Split('&').Select(x => x.Trim()).ToList()).ToList();
            return rows.Count is > 0 and <= MaxItems ? new MatrixShape(rows) : null;
        }
        var t = s.StartsWith("Matrix(") && s.EndsWith(')') ? s[7..^1].Trim() : s;
        if (!t.StartsWith("[[") || !t.EndsWith("]]") || !Braces.OuterPairEnclosesAll(t)) return null;
        var list = Braces.SplitTopLevel(t[1..^1], ",").Select(r => r.Trim()).ToList();
        if (list.Count > MaxItems || list.Any(r => !(r.StartsWith('[') && r.EndsWith(']')))) return null;
        return new MatrixShape(list.Select(r => (IReadOnlyList<string>)Braces.SplitTopLevel(r[1..^1], ",").Select(x => x.Trim()).ToList()).ToList());
    }

    [GeneratedRegex(@"^[a-zA-Z]\s*\\in\s*(.+)$", RegexOptions.Singleline)]
    private static partial Regex Membership();

    [GeneratedRegex(@"^\\\{\s*[a-zA-Z]\s*\|(.+)\\\}$", RegexOptions.Singleline)]
    private static partial Regex SetBuilder();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\\begin\{(?:[pbvBV]?matrix|smallmatrix)\}|\\begin\{array\}\{[^}]*\}")]
    private static partial Regex MatrixBegin();
}
