using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>Evaluates an expression in exact rational arithmetic; null when it is not rational (or too costly).</summary>
public static class ExactEvaluator
{
    private const int MaxFactorial = 3000;

    public static BigRational? Evaluate(Expr expr, WorkBudget budget)
    {
        if (!budget.Spend()) return null;
        switch (expr)
        {
            case NumExpr n: return n.Value;
            case NegExpr neg: return Evaluate(neg.Operand, budget) is { } v ? -v : null;
            case BinExpr b:
            {
                if (Evaluate(b.Left, budget) is not { } l) return null;
                if (b.Op == '^') return Power(l, b.Right, budget);
                if (Evaluate(b.Right, budget) is not { } r) return null;
                if (!budget.Spend((int)Math.Min(100_000, (l.Num.GetBitLength() + r.Num.GetBitLength()) / 64))) return null;
                return b.Op switch { '+' => l + r, '-' => l - r, '*' => l * r, '/' => l / r, _ => null };
            }
            case CallExpr c: return Call(c, budget);
            default: return null;
        }
    }

    private static BigRational? Power(BigRational baseValue, Expr exponentExpr, WorkBudget budget)
    {
        if (Evaluate(exponentExpr, budget) is not { } e) return null;
        if (e.Den > 64 || BigInteger.Abs(e.Num) > 100_000) return null;
        if (baseValue.Sign == 0 && e.Sign <= 0) return null;
        if (!budget.Spend((int)Math.Min(100_000, (long)BigInteger.Abs(e.Num) *
                Math.Max(1, (long)baseValue.Num.GetBitLength() + (long)baseValue.Den.GetBitLength()) / 256))) return null;
        var root = Root(baseValue, (int)e.Den);
        return root?.Pow((int)e.Num);
    }

    private static BigRational? Root(BigRational value, int n)
    {
        if (n == 1) return value;
        var negative = value.Sign < 0;
        if (negative && n % 2 == 0) return null;
        var num = IntegerRoot.Exact(BigInteger.Abs(value.Num), n);
        var den = IntegerRoot.Exact(value.Den, n);
        if (num is null || den is null) return null;
        return BigRational.Create(negative ? -num.Value : num.Value, den.Value);
    }

    private static BigRational? Call(CallExpr c, WorkBudget budget)
    {
        if (Evaluate(c.Arg, budget) is not { } x) return null;
        switch (c.Name)
        {
            case "sqrt": return x.Sign < 0 ? null : Root(x, 2);
            case "root":
                return c.Extra is not null && Evaluate(c.Extra, budget) is { IsInteger: true } n && n.Num > 0 && n.Num <= 64
                    ? Root(x, (int)n.Num) : null;
            case "abs": return x.Abs();
            case "floor": return BigRational.FromInteger(BigInteger.Divide(x.Num - (x.Num.Sign < 0 ? x.Den - 1 : 0), x.Den));
            case "ceil": return BigRational.FromInteger(BigInteger.Divide(x.Num + (x.Num.Sign > 0 ? x.Den - 1 : 0), x.Den));
            case "fact":
                return x.IsInteger && x.Sign >= 0 && x.Num <= MaxFactorial && budget.Spend((int)x.Num * 4)
                ? BigRational.FromInteger(Factorial((int)x.Num)) : null;
            case "binom":
            {
                if (c.Extra is null || Evaluate(c.Extra, budget) is not { IsInteger: true } k) return null;
                if (!x.IsInteger || x.Sign < 0 || x.Num > MaxFactorial || k.Sign < 0 || k.CompareTo(x) > 0) return null;
                if (!budget.Spend((int)x.Num * 4)) return null;
                var nn = (int)x.Num; var kk = (int)k.Num;
                return BigRational.FromInteger(Factorial(nn) / (Factorial(kk) * Factorial(nn - kk)));
            }
            case "log" when c.Extra is not null:
            {
                // log_b(x) is rational when x = b^(p/q) for small p, q; try integer results only.
                if (Evaluate(c.Extra, budget) is not { } b || b.Sign <= 0 || b.CompareTo(BigRational.One) == 0 || x.Sign <= 0) return null;
                for (var k = -64; k <= 64; k++)
                    if (b.Pow(k) is { } p && p.CompareTo(x) == 0) return BigRational.FromInteger(k);
                return null;
            }
            default: return null;
        }
    }

    private static BigInteger Factorial(int n)
    {
        var result = BigInteger.One;
        for (var i = 2; i <= n; i++) result *= i;
        return result;
    }
}
