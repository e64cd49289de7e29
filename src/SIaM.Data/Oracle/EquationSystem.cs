using System.Text;
using System.Text.RegularExpressions;

namespace SIaM.Data.Oracle;

/// <summary>
/// ASDiv formulas that are equations in unknowns ("x:The number; x+15=96", "2(6+w)=20"): solved with sympy, printing the
/// first declared unknown (or the only one). Composite answers (a two-digit number from its digits) stay misses.
/// </summary>
internal static partial class EquationSystem
{
    public static string? TryBuild(string formula, string style)
    {
        var segments = formula.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var declared = segments.Select(s => Declaration().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value[0]).ToList();
        var equations = segments.Where(s => !Declaration().IsMatch(s) && s.Count(c => c == '=') == 1)
            .Select(s => Unit().Replace(s, " ")).Where(IsAlgebra).ToList();
        var variables = declared.Concat(equations.SelectMany(e => Letters().Matches(e).Select(m => m.Value[0]))).Distinct().ToList();
        if (equations.Count == 0 || variables.Count == 0 || variables.Count > equations.Count) return null;
        // Without declarations, only a last step whose left side holds the unknown ("2(6+w)=20") is solved;
        // "17/10=1 r7; …; 1+1+2=4" is evaluated as usual.
        var last = Unit().Replace(segments[^1], " ");
        if (declared.Count == 0 && !(IsAlgebra(last) && Letters().IsMatch(last.Split('=')[0]))) return null;

        var names = variables.ToHashSet();
        var program = new StringBuilder(PythonPrelude.Text).Append("import sympy\n");
        foreach (var variable in variables) program.Append(variable).Append(" = sympy.Symbol('").Append(variable).Append("')\n");
        program.Append("_equations = [\n");
        foreach (var equation in equations)
        {
            var sides = equation.Split('=');
            program.Append("    sympy.Eq(").Append(ArithmeticTranslator.Translate(sides[0], names)).Append(", ")
                .Append(ArithmeticTranslator.Translate(sides[1], names)).Append("),\n");
        }
        var answer = variables[0];
        program.Append("]\n")
            .Append("_solutions = sympy.solve(_equations, [").Append(string.Join(", ", variables)).Append("], dict=True)\n")
            .Append("_positive = [s for s in _solutions if all(v.is_real and v > 0 for v in s.values())]\n")
            .Append(answer).Append(" = (_positive or _solutions)[0][").Append(answer).Append("]\n")
            .Append("x_value = F(int(").Append(answer).Append(".p), int(").Append(answer).Append(".q)) if ")
            .Append(answer).Append(".is_Rational else float(").Append(answer).Append(")\n")
            .Append("print(_show(x_value, '").Append(style).Append("'))\n");
        return program.ToString();
    }

    // Only digits, operators and single-letter unknowns (runs like "xy" are products of unknowns).
    private static bool IsAlgebra(string equation) =>
        AlgebraChars().IsMatch(equation) && Letters().IsMatch(equation) && !LongWord().IsMatch(equation);

    [GeneratedRegex(@"^([A-Za-z])\s*:")]
    private static partial Regex Declaration();

    // "(cm)", "(m/km)", "(min/hour)": letters, slashes and spaces only; "(6+w)" and "(8h)" are algebra.
    [GeneratedRegex(@"\(\s*[A-Za-z][A-Za-z\s/.']*\)")]
    private static partial Regex Unit();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z](?![A-Za-z])|(?<![A-Za-z])[A-Za-z](?=[A-Za-z](?![A-Za-z]))|(?<=(?<![A-Za-z])[A-Za-z])[A-Za-z](?![A-Za-z])")]
    private static partial Regex Letters();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex LongWord();

    [GeneratedRegex(@"^[\d\sA-Za-z.+\-*/()^=]+$")]
    private static partial Regex AlgebraChars();
}
