
namespace SIaM.Grading.Structure;

/// <summary>Compares two answer shapes: tuples, sets, intervals, unions, matrices, equations, inequalities, scalars.</summary>
internal static partial class ShapeComparer
{
    public static Verdict Compare(Shape p, Shape r, CompareContext ctx, int depth = 0)
    {
        if (depth > 6 || ctx.Budget.Exhausted) return Verdict.No("budget");
        // "x = 5" or "y = 3+4+1 = 8" against "8": the variable is a label and the last side the answer.
        if (p is RelationShape pl && r is not RelationShape && SolvedValue(pl, ctx) is { } pv)
        {
            if (AnswersAnotherVariable(pl, ctx)) return Verdict.No("relation-variable");
            return Compare(ShapeParser.Parse(pv, false), r, ctx, depth + 1);
        }
        // A reference "x = 5" against "5"; a reference "y = 2x + 1" is an equation, not a value.
        if (r is RelationShape rl && p is not RelationShape && SolvedValue(rl, ctx) is { } rv && (IsConstant(rv, ctx) || NamesTheAnswer(rl, ctx)))
            return Compare(p, ShapeParser.Parse(rv, false), ctx, depth + 1);

        // "x \le -2 or x \ge 2" against "(-\infty, -2] \cup [2, \infty)".
        if (p is SeqShape { IsBare: true } lp && r is UnionShape or SeqShape { IsBare: false } && AsUnion(lp) is { } up) return Compare(up, r, ctx, depth + 1);
        if (r is SeqShape { IsBare: true } lr && p is UnionShape or SeqShape { IsBare: false } && AsUnion(lr) is { } ur) return Compare(p, ur, ctx, depth + 1);

        switch (p, r)
        {
            case (ScalarShape a, ScalarShape b): return ScalarComparer.Compare(a.Text, b.Text, ctx);
            case (MatrixShape a, MatrixShape b): return Matrices(a, b, ctx);
            case (UnionShape a, UnionShape b): return Unordered(a.Parts, b.Parts, ctx, depth, "interval");
            case (SeqShape a, SeqShape b): return Sequences(a, b, ctx, depth);
            case (RelationShape a, RelationShape b): return Relations(a, b, ctx, depth);
            case (RelationShape a, SeqShape or UnionShape) when InequalityToInterval(a) is { } ia: return Compare(ia, r, ctx, depth + 1);
            case (SeqShape or UnionShape, RelationShape b) when InequalityToInterval(b) is { } ib: return Compare(p, ib, ctx, depth + 1);
            case (SeqShape { Items.Count: 1 } a, ScalarShape) when !a.IsBare: return Compare(a.Items[0], r, ctx, depth + 1) with { Path = "set" };
            case (ScalarShape, SeqShape { Items.Count: 1 } b) when !b.IsBare: return Compare(p, b.Items[0], ctx, depth + 1) with { Path = "set" };
            case (MatrixShape a, SeqShape b) when IsVector(a):
                return Sequences(AsTuple(a), b with { Open = '(', Close = ')' }, ctx, depth) with { Path = "matrix" };
            case (SeqShape a, MatrixShape b) when IsVector(b):
                return Sequences(a with { Open = '(', Close = ')' }, AsTuple(b), ctx, depth) with { Path = "matrix" };
            default:
                return ScalarComparer.Same(Text(p), Text(r)) ? Verdict.Yes("string") : Verdict.No("structure");
        }
    }

    private static bool IsVector(MatrixShape m) => m.Rows.Count == 1 || m.Rows.All(x => x.Count == 1);

    private static SeqShape AsTuple(MatrixShape m) => new('(', ')', m.Rows.SelectMany(x => x).Select(x => (Shape)new ScalarShape(x)).ToList());

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
}
