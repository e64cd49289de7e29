using System.Numerics;
using System.Text.RegularExpressions;
using SIaM.Grading.Expressions;

namespace SIaM.Grading.Structure;

/// <summary>Relations: equations, inequalities in any notation or direction, chains, and relations against intervals.</summary>
internal static partial class ShapeComparer
{
    private static readonly string[] Lower = ["<", @"\le"];

    /// <summary>The answer side of <c>x = value</c>, <c>(x, y) = (1, 2)</c>, <c>3+4+1 = 8</c> or a chain <c>y = 3+4+1 = 8</c> (its last side).</summary>
    private static string? SolvedValue(RelationShape r, CompareContext ctx)
    {
        if (r.Ops.Any(o => o != "=")) return null;
        if (r.Ops.Count >= 2 || IsLabel(r.Sides[0]) || IsConstant(r.Sides[0], ctx)) return r.Sides[^1];
        return null;
    }

    /// <summary>"x = 8" when the question asks for y.</summary>
    private static bool AnswersAnotherVariable(RelationShape r, CompareContext ctx) =>
        ctx.AskedVariable is { } asked && r.Sides[0].Length == 1 && char.IsAsciiLetter(r.Sides[0][0]) && r.Sides[0] != asked;

    private static bool IsLabel(string side) => Label().IsMatch(side) || TupleLabel().IsMatch(side) || Named().IsMatch(side);

    /// <summary>True when the side has no free variable (a number, an arithmetic expression, a tuple of them).</summary>
    private static bool IsConstant(string side, CompareContext ctx) => IsConstant(ShapeParser.Parse(side, false), ctx, 0);

    private static bool IsConstant(Shape shape, CompareContext ctx, int depth) => depth < 4 && shape switch
    {
        ScalarShape s => ExprParser.Parse(s.Text, ctx.Budget) is { } e && NumericEvaluator.Variables(e).Count == 0,
        SeqShape q => q.Items.Count > 0 && q.Items.All(i => IsConstant(i, ctx, depth + 1)),
        MatrixShape m => m.Rows.All(row => row.All(x => IsConstant(new ScalarShape(x), ctx, depth + 1))),
        _ => false,
    };

    private static Verdict Side(string a, string b, CompareContext ctx, int depth) =>
        Compare(ShapeParser.Parse(a, false), ShapeParser.Parse(b, false), ctx, depth + 1);

    private static Verdict Relations(RelationShape a, RelationShape b, CompareContext ctx, int depth)
    {
        if (a.Ops.All(o => o == "=") && b.Ops.All(o => o == "="))
        {
            if (IsLabel(a.Sides[0]) && ScalarComparer.Same(a.Sides[0], b.Sides[0]))
            {
                var v = Side(a.Sides[^1], b.Sides[^1], ctx, depth);
                if (v.Equal) return v;
            }
            return a.Ops.Count == 1 && b.Ops.Count == 1 && Equations(a, b, ctx) ? Verdict.Yes("equation") : Verdict.No("equation");
        }
        var ia = InequalityToInterval(a);
        var ib = InequalityToInterval(b);
        if (ia is not null && ib is not null && Compare(ia, ib, ctx, depth + 1).Equal) return Verdict.Yes("inequality");
        foreach (var candidate in new[] { a, Flip(a) })
        {
            if (!candidate.Ops.SequenceEqual(b.Ops) || candidate.Sides.Count != b.Sides.Count) continue;
            var all = true;
            for (var i = 0; i < b.Sides.Count && all; i++) all = Side(candidate.Sides[i], b.Sides[i], ctx, depth).Equal;
            if (all) return Verdict.Yes("inequality");
        }
        return SameInequality(a, b, ctx) ? Verdict.Yes("inequality") : Verdict.No("inequality");
    }

    private static RelationShape Flip(RelationShape r) => new(r.Sides.Reverse().ToList(),
        r.Ops.Reverse().Select(o => o switch { "<" => ">", ">" => "<", @"\le" => @"\ge", @"\ge" => @"\le", _ => o }).ToList());

    /// <summary>
    /// <c>-y &lt; -2</c> and <c>y &gt; 2</c>, or <c>2x &gt; 4</c> and <c>x &gt; 2</c>: written as f &gt; 0 (or ≥, ≠), the two f are
    /// positive multiples of each other (any non-zero multiple for ≠).
    /// </summary>
    private static bool SameInequality(RelationShape a, RelationShape b, CompareContext ctx)
    {
        if (a.Ops.Count != 1 || b.Ops.Count != 1 || a.Ops[0] == "=" || b.Ops[0] == "=") return false;
        var (fa, oa) = Positive(a);
        var (fb, ob) = Positive(b);
        if (oa != ob) return false;
        return Proportional(fa, fb, ctx, positive: oa != @"\ne");
    }

    /// <summary>The relation as "f op 0" with op one of &gt;, \ge, \ne.</summary>
    private static (string F, string Op) Positive(RelationShape r) =>
        Lower.Contains(r.Ops[0])
            ? ($"({r.Sides[1]})-({r.Sides[0]})", r.Ops[0] == "<" ? ">" : @"\ge")
            : ($"({r.Sides[0]})-({r.Sides[1]})", r.Ops[0]);

    /// <summary>Two equations are the same when (L1 − R1) / (L2 − R2) is one non-zero constant at every point.</summary>
    private static bool Equations(RelationShape a, RelationShape b, CompareContext ctx) =>
        Proportional($"({a.Sides[0]})-({a.Sides[1]})", $"({b.Sides[0]})-({b.Sides[1]})", ctx, positive: false);

    private static bool Proportional(string a, string b, CompareContext ctx, bool positive)
    {
        var fa = ExprParser.Parse(a, ctx.Budget);
        var fb = ExprParser.Parse(b, ctx.Budget);
        if (fa is null || fb is null) return false;
        var variables = NumericEvaluator.Variables(fa);
        variables.UnionWith(NumericEvaluator.Variables(fb));
        if (variables.Count == 0) return false;
        Complex? ratio = null;
        var valid = 0;
        for (var k = 0; k < ctx.PointCount; k++)
        {
            var point = ctx.Point(k, variables);
            var x = NumericEvaluator.Evaluate(fa, point, ctx.Budget);
            var y = NumericEvaluator.Evaluate(fb, point, ctx.Budget);
            if (!ScalarComparer.Finite(x) || !ScalarComparer.Finite(y)) continue;
            if (Complex.Abs(y) < 1e-12 || Complex.Abs(x) < 1e-12)
            {
                if (Complex.Abs(y) < 1e-12 && Complex.Abs(x) < 1e-12) { valid++; continue; }
                return false;
            }
            var q = x / y;
            if (positive && (q.Real <= 0 || Math.Abs(q.Imaginary) > 1e-9 * Math.Abs(q.Real))) return false;
            if (ratio is { } r0 && !ScalarComparer.Close(q, r0, 1e-6)) return false;
            ratio = q;
            valid++;
        }
        return valid >= 2;
    }

    /// <summary><c>x &gt; 3</c>, <c>3 &lt; x \le 5</c>, <c>x \ge -1</c>, <c>x \ne 4</c> as intervals; null for anything else.</summary>
    private static Shape? InequalityToInterval(RelationShape r)
    {
        if (r.Ops.Any(o => o == "=")) return null;
        if (r.Sides.Count == 2)
        {
            var (variable, bound, op) = Label().IsMatch(r.Sides[0]) ? (r.Sides[0], r.Sides[1], r.Ops[0])
                : Label().IsMatch(r.Sides[1]) ? (r.Sides[1], r.Sides[0], Flip(r).Ops[0]) : (null, null, null);
            if (variable is null || bound is null) return null;
            return op switch
            {
                ">" => Interval('(', bound, @"\infty", ')'),
                @"\ge" => Interval('[', bound, @"\infty", ')'),
                "<" => Interval('(', @"-\infty", bound, ')'),
                @"\le" => Interval('(', @"-\infty", bound, ']'),
                @"\ne" => new UnionShape([Interval('(', @"-\infty", bound, ')'), Interval('(', bound, @"\infty", ')')]),
                _ => null,
            };
        }
        if (r.Sides.Count == 3 && Label().IsMatch(r.Sides[1]) && !r.Ops.Contains(@"\ne"))
        {
            var rr = r.Ops[0] is ">" or @"\ge" ? Flip(r) : r;
            if (rr.Ops.Any(o => o is ">" or @"\ge")) return null;
            return Interval(rr.Ops[0] == "<" ? '(' : '[', rr.Sides[0], rr.Sides[2], rr.Ops[1] == "<" ? ')' : ']');
        }
        return null;
    }

    /// <summary>A bare list of inequalities as the union of their intervals, or null.</summary>
    private static UnionShape? AsUnion(SeqShape list)
    {
        var parts = new List<Shape>();
        foreach (var item in list.Items)
        {
            if (item is not RelationShape rel || InequalityToInterval(rel) is not { } interval) return null;
            if (interval is UnionShape u) parts.AddRange(u.Parts);
            else parts.Add(interval);
        }
        return parts.Count > 1 ? new UnionShape(parts) : null;
    }

    private static SeqShape Interval(char open, string low, string high, char close) =>
        new(open, close, [new ScalarShape(low), new ScalarShape(high)]);

    [GeneratedRegex(@"^[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?(\([a-z]\))?$")]
    private static partial Regex Label();

    /// <summary>A named quantity: <c>A^{-1}</c>, <c>A^T</c>, <c>f'(x)</c>, <c>a_5</c>.</summary>
    [GeneratedRegex(@"^[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?(\^\{?-?[0-9a-zA-Z]+\}?)?'*(\([a-z]\))?$")]
    private static partial Regex Named();

    [GeneratedRegex(@"^\(\s*[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?(\s*,\s*[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?)+\s*\)$")]
    private static partial Regex TupleLabel();
}
