using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>Evaluates an expression in complex floating point at given variable values; NaN where undefined.</summary>
public static class NumericEvaluator
{
    private static readonly Complex NaN = new(double.NaN, double.NaN);

    public static Complex Evaluate(Expr expr, IReadOnlyDictionary<string, Complex> variables, WorkBudget budget)
    {
        if (!budget.Spend()) return NaN;
        switch (expr)
        {
            case NumExpr n: return n.Value.ToDouble();
            case VarExpr v:
                return v.Name switch
                {
                    Constants.Pi => Math.PI,
                    Constants.E => Math.E,
                    Constants.I => Complex.ImaginaryOne,
                    Constants.Inf => double.PositiveInfinity,
                    _ => variables.TryGetValue(v.Name, out var value) ? value : NaN,
                };
            case NegExpr neg: return -Evaluate(neg.Operand, variables, budget);
            case BinExpr b:
            {
                var l = Evaluate(b.Left, variables, budget);
                var r = Evaluate(b.Right, variables, budget);
                return b.Op switch
                {
                    '+' => l + r,
                    '-' => l - r,
                    '*' => l * r,
                    '/' => r == Complex.Zero ? NaN : Underflow(l / r, l),
                    '^' => Underflow(Power(l, r, b.Right), l),
                    _ => NaN,
                };
            }
            case CallExpr c: return Call(c, variables, budget);
            default: return NaN;
        }
    }

    // A non-zero quantity that came out as 0 underflowed: its value is unknown, not zero (2^-1000000 is not 0).
    private static Complex Underflow(Complex result, Complex operand) =>
        operand != Complex.Zero && Complex.Abs(result) < 1e-300 ? NaN : result;

    private static Complex Power(Complex l, Complex r, Expr exponent)
    {
        if (l.Imaginary == 0 && r.Imaginary == 0)
        {
            if (l.Real >= 0 || Math.Abs(r.Real - Math.Round(r.Real)) < 1e-12) return Math.Pow(l.Real, r.Real);
            // (-8)^(1/3) is -2 for an odd-denominator rational exponent, as a reader of the answer means it.
            if (exponent is BinExpr { Op: '/', Right: NumExpr { Value.IsInteger: true } d } && !d.Value.Num.IsEven)
                return -Math.Pow(-l.Real, r.Real);
        }
        return Complex.Pow(l, r);
    }

    private static Complex Call(CallExpr c, IReadOnlyDictionary<string, Complex> variables, WorkBudget budget)
    {
        var x = Evaluate(c.Arg, variables, budget);
        var extra = c.Extra is null ? NaN : Evaluate(c.Extra, variables, budget);
        var real = x.Imaginary == 0;
        return c.Name switch
        {
            "sqrt" => real && x.Real >= 0 ? Math.Sqrt(x.Real) : Complex.Sqrt(x),
            "root" => real && x.Real < 0 && extra.Imaginary == 0 && Math.Abs(extra.Real % 2) == 1
                ? -Math.Pow(-x.Real, 1 / extra.Real) : real && x.Real >= 0 ? Math.Pow(x.Real, 1 / extra.Real) : Complex.Pow(x, 1 / extra),
            "sin" => Complex.Sin(x),
            "cos" => Complex.Cos(x),
            "tan" => Complex.Tan(x),
            "cot" => 1 / Complex.Tan(x),
            "sec" => 1 / Complex.Cos(x),
            "csc" => 1 / Complex.Sin(x),
            "arcsin" => Complex.Asin(x),
            "arccos" => Complex.Acos(x),
            "arctan" => Complex.Atan(x),
            "sinh" => Complex.Sinh(x),
            "cosh" => Complex.Cosh(x),
            "tanh" => Complex.Tanh(x),
            "exp" => Complex.Exp(x),
            "ln" => Complex.Log(x),
            "log" => c.Extra is null ? Complex.Log(x) : Complex.Log(x) / Complex.Log(extra),
            "abs" => Complex.Abs(x),
            "floor" => real ? Math.Floor(x.Real) : NaN,
            "ceil" => real ? Math.Ceiling(x.Real) : NaN,
            "fact" => real ? Gamma(x.Real + 1) : NaN,
            "binom" => real && extra.Imaginary == 0 ? Gamma(x.Real + 1) / (Gamma(extra.Real + 1) * Gamma(x.Real - extra.Real + 1)) : NaN,
            _ => NaN,
        };
    }

    private static double Gamma(double z)
    {
        if (z > 171.7) return double.PositiveInfinity;
        if (z == Math.Floor(z))
        {
            if (z <= 0) return double.NaN;
            var product = 1.0;
            for (var i = 2; i < z; i++) product *= i;
            return product;
        }
        if (z < 0.5) return Math.PI / (Math.Sin(Math.PI * z) * Gamma(1 - z));
        // Lanczos approximation (g = 7, n = 9).
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        z -= 1;
        var a = g[0];
        var t = z + 7.5;
        for (var i = 1; i < 9; i++) a += g[i] / (z + i);
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, z + 0.5) * Math.Exp(-t) * a;
    }

    /// <summary>The names of the free variables (constants excluded), sorted.</summary>
    public static SortedSet<string> Variables(Expr expr)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        Collect(expr, set, 0);
        return set;
    }

    private static void Collect(Expr expr, SortedSet<string> set, int depth)
    {
        if (depth > 200) return;
        switch (expr)
        {
            case VarExpr v when !Constants.IsConstant(v.Name): set.Add(v.Name); break;
            case NegExpr n: Collect(n.Operand, set, depth + 1); break;
            case BinExpr b: Collect(b.Left, set, depth + 1); Collect(b.Right, set, depth + 1); break;
            case CallExpr c: Collect(c.Arg, set, depth + 1); if (c.Extra is not null) Collect(c.Extra, set, depth + 1); break;
        }
    }
}
