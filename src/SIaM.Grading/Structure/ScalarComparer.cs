using System.Globalization;
using System.Numerics;
using SIaM.Grading.Expressions;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Structure;

/// <summary>Compares two scalar answers: string, exact rational, numeric with tolerance, percent variants, symbolic.</summary>
internal static class ScalarComparer
{
    public static Verdict Compare(string prediction, string reference, CompareContext ctx)
    {
        if (Same(prediction, reference)) return Verdict.Yes("string");
        if (ctx.Budget.Exhausted) return Verdict.No("budget");
        var p = ExprParser.Parse(StripPercentSpace(prediction), ctx.Budget);
        var r = ExprParser.Parse(StripPercentSpace(reference), ctx.Budget);
        if (p is null || r is null) return Verdict.No(ctx.Budget.Exhausted ? "budget" : "string");

        var exactP = ExactEvaluator.Evaluate(p, ctx.Budget);
        var exactR = exactP is null ? null : ExactEvaluator.Evaluate(r, ctx.Budget);
        if (exactP is { } ep && exactR is { } er) return CompareRationals(ep, er, ctx);

        var variables = NumericEvaluator.Variables(p);
        variables.UnionWith(NumericEvaluator.Variables(r));
        if (CanonicalForm.Print(p) == CanonicalForm.Print(r)) return Verdict.Yes("symbolic");
        if (variables.Count == 0)
        {
            var np = NumericEvaluator.Evaluate(p, ctx.Point(0, []), ctx.Budget);
            var nr = NumericEvaluator.Evaluate(r, ctx.Point(0, []), ctx.Budget);
            if (!Finite(np) || !Finite(nr))
                return IsInfinity(np) && IsInfinity(nr) && np.Real.CompareTo(nr.Real) == 0 && CanonicalForm.Print(p) == CanonicalForm.Print(r)
                    ? Verdict.Yes("symbolic") : Verdict.No("numeric");
            if (Close(np, nr, ctx.Options.RelativeTolerance)) return Verdict.Yes("numeric");
            if (PercentAllowed(ctx) && (Close(np * 100, nr, ctx.Options.RelativeTolerance) || Close(np, nr * 100, ctx.Options.RelativeTolerance)))
                return Verdict.Yes("percent-variant");
            return Verdict.No("numeric");
        }
        return SameAtRandomPoints(p, r, variables, ctx) ? Verdict.Yes("symbolic-eval") : Verdict.No(ctx.Budget.Exhausted ? "budget" : "symbolic-eval");
    }

    private static string StripPercentSpace(string s) => s.Replace(" %", "%", StringComparison.Ordinal);

    internal static bool Same(string a, string b) =>
        string.Equals(a.Replace(" ", ""), b.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);

    private static Verdict CompareRationals(BigRational p, BigRational r, CompareContext ctx)
    {
        if (p.CompareTo(r) == 0) return Verdict.Yes("rational");
        // Two integers are compared exactly: 1000001 is not 1000000, whatever the tolerance.
        if (!(p.IsInteger && r.IsInteger) && CloseExact(p, r, ctx.Options.RelativeTolerance)) return Verdict.Yes("numeric");
        if (PercentAllowed(ctx))
        {
            var hundred = BigRational.FromInteger(100);
            if ((p * hundred) is { } p100 && CloseExact(p100, r, ctx.Options.RelativeTolerance)) return Verdict.Yes("percent-variant");
            if ((r * hundred) is { } r100 && CloseExact(p, r100, ctx.Options.RelativeTolerance)) return Verdict.Yes("percent-variant");
        }
        return Verdict.No("rational");
    }

    private static bool PercentAllowed(CompareContext ctx) => ctx.Options.PercentVariants switch
    {
        PercentVariantMode.Always => true,
        PercentVariantMode.WhenPercentSign => ctx.PercentSign,
        _ => false,
    };

    /// <summary>|p − r| ≤ tol · max(|p|, |r|), decided in exact arithmetic so 1/2004! and 1/2006! stay apart.</summary>
    private static bool CloseExact(BigRational p, BigRational r, double tolerance)
    {
        if (tolerance <= 0) return false;
        var tol = BigRational.ParseDecimal(tolerance.ToString("E6", CultureInfo.InvariantCulture));
        if (tol is null || (p - r) is not { } diff) return false;
        var max = p.Abs().CompareTo(r.Abs()) >= 0 ? p.Abs() : r.Abs();
        return (max * tol.Value) is { } bound && diff.Abs().CompareTo(bound) <= 0;
    }

    internal static bool Finite(Complex z) => double.IsFinite(z.Real) && double.IsFinite(z.Imaginary);

    private static bool IsInfinity(Complex z) => double.IsInfinity(z.Real) && z.Imaginary == 0;

    /// <summary>Relative closeness, with an absolute floor of 1e-12 for values that should be zero (sin π).</summary>
    internal static bool Close(Complex a, Complex b, double tolerance)
    {
        var diff = Complex.Abs(a - b);
        return diff <= tolerance * Math.Max(Complex.Abs(a), Complex.Abs(b)) || diff <= 1e-12;
    }

    private static bool SameAtRandomPoints(Expr p, Expr r, SortedSet<string> variables, CompareContext ctx)
    {
        var valid = 0;
        for (var k = 0; k < ctx.PointCount; k++)
        {
            var point = ctx.Point(k, variables);
            var a = NumericEvaluator.Evaluate(p, point, ctx.Budget);
            var b = NumericEvaluator.Evaluate(r, point, ctx.Budget);
            if (ctx.Budget.Exhausted) return false;
            if (!Finite(a) || !Finite(b)) continue;
            if (!Close(a, b, Math.Min(ctx.Options.RelativeTolerance, 1e-6))) return false;
            valid++;
        }
        return valid >= 2;
    }
}
