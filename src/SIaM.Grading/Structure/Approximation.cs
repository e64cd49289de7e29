using System.Globalization;
using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Grading.Expressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Structure;

/// <summary>
/// "x = 1/3 ≈ 0.33": an exact answer and its approximation. The exact side is graded first; the approximation counts when
/// it matches the reference as a value, or (default mode) when the reference rounds to it at its stated precision
/// (0.33 is ±0.005) — but never when it contradicts the exact side written before it ("1/4 ≈ 0.33"). Pure.
/// </summary>
internal static partial class Approximation
{
    private const string Approx = @"\approx";

    /// <summary>The verdict for a prediction that holds one top-level <c>\approx</c>, or null when it has none.</summary>
    public static Verdict? Compare(string p, string r, AnswerKind kind, CompareContext ctx, Func<string, string, AnswerKind, CompareContext, Verdict> compare)
    {
        if (!p.Contains(Approx, StringComparison.Ordinal)) return null;
        var sides = Braces.SplitTopLevel(p, Approx);
        if (sides.Count != 2 || sides[1].Trim() is not { Length: > 0 } approx) return null;
        var stated = Stated(approx);
        var exactSide = sides[0].Trim().TrimEnd('=').Trim();
        if (exactSide.Length > 0 && !Name().IsMatch(exactSide))
        {
            var exact = compare(exactSide, r, kind, ctx);
            if (exact.Equal) return Verdict.Yes("approx-exact>" + exact.Path);
            var value = Braces.SplitTopLevel(exactSide, "=")[^1].Trim();
            if (stated is { } s && Numeric(value, ctx) is { } x && !Within(x, s)) return Verdict.No("approx-exact>" + exact.Path);
        }
        var asValue = compare(approx, r, kind, ctx);
        if (asValue.Equal) return Verdict.Yes("approx>" + asValue.Path);
        if (ctx.Options.Mode == GradingMode.Default && stated is { Places: >= 1 } a && Numeric(ReferenceValue(r), ctx) is { } rv && Within(rv, a))
            return Verdict.Yes("approx-precision");
        return Verdict.No("approx>" + asValue.Path);
    }

    /// <summary>"x = 1/3" as a reference: its value.</summary>
    private static string ReferenceValue(string r) => Braces.SplitTopLevel(r, "=")[^1].Trim();

    /// <summary>A plain decimal literal and its number of decimal places, or null.</summary>
    private static (double Value, int Places)? Stated(string text)
    {
        var m = DecimalLiteral().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        return (value, m.Groups[1].Length);
    }

    private static double? Numeric(string text, CompareContext ctx)
    {
        if (text.Length == 0 || ExprParser.Parse(text, ctx.Budget) is not { } expr || NumericEvaluator.Variables(expr).Count > 0) return null;
        var z = NumericEvaluator.Evaluate(expr, ctx.Point(0, []), ctx.Budget);
        return double.IsFinite(z.Real) && Math.Abs(z.Imaginary) < 1e-12 ? z.Real : null;
    }

    /// <summary>|x − a| within half a unit of the last stated place.</summary>
    private static bool Within(double x, (double Value, int Places) a) =>
        Math.Abs(x - a.Value) <= 0.5 * Math.Pow(10, -a.Places) + 1e-12 * Math.Max(1, Math.Abs(x));

    [GeneratedRegex(@"^-?\d{1,15}(?:\.(\d{1,15}))?$")]
    private static partial Regex DecimalLiteral();

    [GeneratedRegex(@"^[a-zA-Z](_\{?[a-zA-Z0-9]+\}?)?$")]
    private static partial Regex Name();
}
