using System.Text.RegularExpressions;
using SIaM.Grading.Expressions;

namespace SIaM.Grading.Structure;

/// <summary>Compares two answer shapes: tuples, sets, intervals, unions, matrices, equations, inequalities, scalars.</summary>
internal static partial class ShapeComparer
{
    public static Verdict Compare(Shape p, Shape r, CompareContext ctx, int depth = 0)
    {
        if (depth > 6 || ctx.Budget.Exhausted) return Verdict.No("budget");
        // "x = 5" against "5": the variable is a label.
        if (p is RelationShape pl && r is not RelationShape && SolvedValue(pl) is { } pv)
            return Compare(ShapeParser.Parse(pv, false), r, ctx, depth + 1);
        if (r is RelationShape rl && p is not RelationShape && SolvedValue(rl) is { } rv)
            return Compare(p, ShapeParser.Parse(rv, false), ctx, depth + 1);

        switch (p, r)
        {
            case (ScalarShape a, ScalarShape b): return ScalarComparer.Compare(a.Text, b.Text, ctx);
            case (MatrixShape a, MatrixShape b): return Matrices(a, b, ctx);
            case (UnionShape a, UnionShape b): return Unordered(a.Parts, b.Parts, ctx, depth, "interval");
            case (SeqShape a, SeqShape b): return Sequences(a, b, ctx, depth);
            case (RelationShape a, RelationShape b): return Relations(a, b, ctx);
            case (RelationShape a, SeqShape or UnionShape) when InequalityToInterval(a) is { } ia: return Compare(ia, r, ctx, depth + 1);
            case (SeqShape or UnionShape, RelationShape b) when InequalityToInterval(b) is { } ib: return Compare(p, ib, ctx, depth + 1);
            case (SeqShape { Items.Count: 1 } a, ScalarShape) when !a.IsBare: return Compare(a.Items[0], r, ctx, depth + 1) with { Path = "set" };
            case (ScalarShape, SeqShape { Items.Count: 1 } b) when !b.IsBare: return Compare(p, b.Items[0], ctx, depth + 1) with { Path = "set" };
            case (MatrixShape a, SeqShape b) when a.Rows.Count == 1 || a.Rows.All(x => x.Count == 1):
                return Sequences(new SeqShape('(', ')', a.Rows.SelectMany(x => x).Select(x => (Shape)new ScalarShape(x)).ToList()), b with { Open = '(', Close = ')' }, ctx, depth) with { Path = "matrix" };
            default:
                return ScalarComparer.Same(Text(p), Text(r)) ? Verdict.Yes("string") : Verdict.No("structure");
        }
    }

    private static string Text(Shape s) => s switch
    {
        ScalarShape a => a.Text,
        _ => s.ToString(),
    };

    private static Verdict Sequences(SeqShape a, SeqShape b, CompareContext ctx, int depth)
    {
        if (a.Items.Count != b.Items.Count) return Verdict.No(a.IsSet || b.IsSet || a.IsBare || b.IsBare ? "set" : "tuple");
        var unordered = (a.IsSet || a.IsBare) && (b.IsSet || b.IsBare);
        if (unordered) return Unordered(a.Items, b.Items, ctx, depth, "set");
        var interval = a.Items.Count == 2 && (a.Open == '[' || a.Close == ']' || b.Open == '[' || b.Close == ']'
                                              || HasInfinity(a) || HasInfinity(b));
        var path = a.IsSet || b.IsSet ? "set" : interval ? "interval" : "tuple";
        if (!a.IsBare && !b.IsBare && (a.Open != b.Open || a.Close != b.Close)) return Verdict.No(path);
        for (var i = 0; i < a.Items.Count; i++)
            if (!Compare(a.Items[i], b.Items[i], ctx, depth + 1).Equal) return Verdict.No(path);
        return Verdict.Yes(path);
    }

    private static bool HasInfinity(SeqShape s) => s.Items.Any(i => i is ScalarShape sc && sc.Text.Contains("infty", StringComparison.Ordinal));

    private static Verdict Unordered(IReadOnlyList<Shape> a, IReadOnlyList<Shape> b, CompareContext ctx, int depth, string path)
    {
        if (a.Count != b.Count) return Verdict.No(path);
        var used = new bool[b.Count];
        foreach (var item in a)
        {
            var found = false;
            for (var j = 0; j < b.Count && !found; j++)
            {
                if (used[j] || !Compare(item, b[j], ctx, depth + 1).Equal) continue;
                used[j] = found = true;
            }
            if (!found) return Verdict.No(path);
        }
        return Verdict.Yes(path);
    }

    private static Verdict Matrices(MatrixShape a, MatrixShape b, CompareContext ctx)
    {
        if (a.Rows.Count != b.Rows.Count) return Verdict.No("matrix");
        for (var i = 0; i < a.Rows.Count; i++)
        {
            if (a.Rows[i].Count != b.Rows[i].Count) return Verdict.No("matrix");
            for (var j = 0; j < a.Rows[i].Count; j++)
                if (!ScalarComparer.Compare(a.Rows[i][j], b.Rows[i][j], ctx).Equal) return Verdict.No("matrix");
        }
        return Verdict.Yes("matrix");
    }

    /// <summary>The right side of <c>x = value</c> (or <c>f(x) = value</c>) when the left side is a plain label.</summary>
    private static string? SolvedValue(RelationShape r) =>
        r.Ops is ["="] && Label().IsMatch(r.Sides[0]) ? r.Sides[1] : null;

    private static Verdict Relations(RelationShape a, RelationShape b, CompareContext ctx)
    {
        if (a.Ops is ["="] && b.Ops is ["="])
        {
            if (Label().IsMatch(a.Sides[0]) && ScalarComparer.Same(a.Sides[0], b.Sides[0]))
            {
                var v = ScalarComparer.Compare(a.Sides[1], b.Sides[1], ctx);
                if (v.Equal) return v;
            }
            return Equations(a, b, ctx) ? Verdict.Yes("equation") : Verdict.No("equation");
        }
        var ia = InequalityToInterval(a);
        var ib = InequalityToInterval(b);
        if (ia is not null && ib is not null) return Compare(ia, ib, ctx, 1) with { Path = "inequality" };
        var fa = Flip(a);
        foreach (var candidate in new[] { a, fa })
        {
            if (!candidate.Ops.SequenceEqual(b.Ops) || candidate.Sides.Count != b.Sides.Count) continue;
            var all = true;
            for (var i = 0; i < b.Sides.Count && all; i++) all = ScalarComparer.Compare(candidate.Sides[i], b.Sides[i], ctx).Equal;
            if (all) return Verdict.Yes("inequality");
        }
        return Verdict.No("inequality");
    }

    private static RelationShape Flip(RelationShape r) => new(r.Sides.Reverse().ToList(),
        r.Ops.Reverse().Select(o => o switch { "<" => ">", ">" => "<", @"\le" => @"\ge", @"\ge" => @"\le", _ => o }).ToList());

    /// <summary>Two equations are the same when (L1 − R1) / (L2 − R2) is one non-zero constant at every point.</summary>
    private static bool Equations(RelationShape a, RelationShape b, CompareContext ctx)
    {
        var fa = ExprParser.Parse($"({a.Sides[0]})-({a.Sides[1]})", ctx.Budget);
        var fb = ExprParser.Parse($"({b.Sides[0]})-({b.Sides[1]})", ctx.Budget);
        if (fa is null || fb is null) return false;
        var variables = NumericEvaluator.Variables(fa);
        variables.UnionWith(NumericEvaluator.Variables(fb));
        if (variables.Count == 0) return false;
        System.Numerics.Complex? ratio = null;
        var valid = 0;
        for (var k = 0; k < ctx.PointCount; k++)
        {
            var point = ctx.Point(k, variables);
            var x = NumericEvaluator.Evaluate(fa, point, ctx.Budget);
            var y = NumericEvaluator.Evaluate(fb, point, ctx.Budget);
            if (!ScalarComparer.Finite(x) || !ScalarComparer.Finite(y)) continue;
            if (System.Numerics.Complex.Abs(y) < 1e-12 || System.Numerics.Complex.Abs(x) < 1e-12)
            {
                if (System.Numerics.Complex.Abs(y) < 1e-12 && System.Numerics.Complex.Abs(x) < 1e-12) { valid++; continue; }
                return false;
            }
            var q = x / y;
            if (ratio is { } r0 && !ScalarComparer.Close(q, r0, 1e-6)) return false;
            ratio = q;
            valid++;
        }
        return valid >= 2;
    }

    /// <summary><c>x &gt; 3</c>, <c>3 &lt; x \le 5</c>, <c>x \ge -1</c> as intervals; null for anything else.</summary>
    private static Shape? InequalityToInterval(RelationShape r)
    {
        if (r.Ops.Any(o => o is "=" or @"\ne")) return null;
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
                _ => null,
            };
        }
        if (r.Sides.Count == 3 && Label().IsMatch(r.Sides[1]))
        {
            var rr = r.Ops[0] is ">" or @"\ge" ? Flip(r) : r;
            if (rr.Ops.Any(o => o is ">" or @"\ge")) return null;
            return Interval(rr.Ops[0] == "<" ? '(' : '[', rr.Sides[0], rr.Sides[2], rr.Ops[1] == "<" ? ')' : ']');
        }
        return null;
    }

    private static SeqShape Interval(char open, string low, string high, char close) =>
        new(open, close, [new ScalarShape(low), new ScalarShape(high)]);

    [GeneratedRegex(@"^[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?(\([a-z]\))?$")]
    private static partial Regex Label();
}
