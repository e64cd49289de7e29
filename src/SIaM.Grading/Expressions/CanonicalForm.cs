using System.Text;

namespace SIaM.Grading.Expressions;

/// <summary>
/// A cheap canonical text of an expression: sums and products are flattened and their operands sorted, so that
/// <c>b+a</c> and <c>a+b</c>, or <c>\frac{x}{2}</c> and <c>x/2</c>, print the same.
/// </summary>
public static class CanonicalForm
{
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Write(expr, sb, 0);
        return sb.ToString();
    }

    private static void Write(Expr expr, StringBuilder sb, int depth)
    {
        if (depth > 200 || sb.Length > 20_000) { sb.Append('…'); return; }
        switch (expr)
        {
            case NumExpr n: sb.Append(n.Value.ToString()); break;
            case VarExpr v: sb.Append(v.Name); break;
            case NegExpr or BinExpr { Op: '+' or '-' }:
            {
                var terms = new List<string>();
                Terms(expr, false, terms, depth);
                terms.Sort(StringComparer.Ordinal);
                sb.Append("sum(").AppendJoin(',', terms).Append(')');
                break;
            }
            case BinExpr { Op: '*' or '/' }:
            {
                var factors = new List<string>();
                Factors(expr, false, factors, depth);
                factors.Sort(StringComparer.Ordinal);
                sb.Append("prod(").AppendJoin(',', factors).Append(')');
                break;
            }
            case BinExpr b:
                sb.Append("pow(");
                Write(b.Left, sb, depth + 1);
                sb.Append(',');
                Write(b.Right, sb, depth + 1);
                sb.Append(')');
                break;
            case CallExpr c:
                sb.Append(c.Name).Append('(');
                Write(c.Arg, sb, depth + 1);
                if (c.Extra is not null) { sb.Append(','); Write(c.Extra, sb, depth + 1); }
                sb.Append(')');
                break;
        }
    }

    private static void Terms(Expr expr, bool negative, List<string> terms, int depth)
    {
        switch (expr)
        {
            case NegExpr n: Terms(n.Operand, !negative, terms, depth + 1); break;
            case BinExpr { Op: '+' } b: Terms(b.Left, negative, terms, depth + 1); Terms(b.Right, negative, terms, depth + 1); break;
            case BinExpr { Op: '-' } b: Terms(b.Left, negative, terms, depth + 1); Terms(b.Right, !negative, terms, depth + 1); break;
            default: terms.Add((negative ? "-" : "+") + Print(expr)); break;
        }
    }

    private static void Factors(Expr expr, bool inverse, List<string> factors, int depth)
    {
        switch (expr)
        {
            case BinExpr { Op: '*' } b: Factors(b.Left, inverse, factors, depth + 1); Factors(b.Right, inverse, factors, depth + 1); break;
            case BinExpr { Op: '/' } b: Factors(b.Left, inverse, factors, depth + 1); Factors(b.Right, !inverse, factors, depth + 1); break;
            default: factors.Add((inverse ? "/" : "*") + Print(expr)); break;
        }
    }
}
