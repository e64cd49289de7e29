using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Data.Oracle;

namespace SIaM.Data;

/// <summary>
/// Turns a problem's reference solution (GSM8K calculator annotations, SVAMP/ASDiv/Ape210K/Math23K equations, GSM-Hard
/// code) into a Python program that prints the final answer. The harness's self-check: run through the whole pipeline,
/// these programs should score ≈ 100%; the known misses are listed in <c>benchmarks-data/oracle-misses.md</c>.
/// </summary>
public static partial class OracleProgram
{
    /// <summary>The program for <paramref name="problem"/>, or null when it carries no reference solution.</summary>
    public static string? For(Problem problem) => problem.Solution switch
    {
        null => null,
        { Kind: ReferenceSolutionKind.CalculatorAnnotations } s => Annotations(s.Text, problem.Reference),
        { Kind: ReferenceSolutionKind.Equation } s => Equation(s.Text, problem.Reference),
        { Kind: ReferenceSolutionKind.PythonCode } s => Code(s.Text, problem.Reference),
        _ => null,
    };

    private static string Annotations(string rationale, string reference)
    {
        var program = new StringBuilder(PythonPrelude.Text).Append("# replay of the calculator annotations\n");
        var annotations = Annotation().Matches(rationale);
        var final = (string?)null;
        for (var i = 0; i < annotations.Count; i++)
        {
            var name = $"_v{i + 1}";
            program.Append(CultureInfo.InvariantCulture,
                $"{name} = {ArithmeticTranslator.Translate(annotations[i].Groups[1].Value)}  # = {annotations[i].Groups[2].Value.Trim()}\n");
            if (SameNumber(annotations[i].Groups[2].Value, reference)) final = name;
        }
        if (final is null && ProseCalculation(rationale, reference) is { } prose)
        {
            program.Append(CultureInfo.InvariantCulture, $"_prose = {ArithmeticTranslator.Translate(prose)}  # calculation written without annotation\n");
            final = "_prose";
        }
        return final is null
            ? program.Append("# no annotation reaches the \"####\" answer: print it as stated\n")
                .Append(CultureInfo.InvariantCulture, $"print(_show({ArithmeticTranslator.Translate(reference)}, '{Style(reference)}'))\n").ToString()
            : program.Append(CultureInfo.InvariantCulture, $"print(_show({final}, '{Style(reference)}'))\n").ToString();
    }

    private static string Equation(string equation, string reference)
    {
        if (!XEquals().IsMatch(equation) && EquationSystem.TryBuild(equation, Style(reference)) is { } solved) return solved;
        var expression = EquationExpression(equation);
        return new StringBuilder(PythonPrelude.Text)
            .Append("# equation: ").Append(equation.ReplaceLineEndings(" ")).Append('\n')
            .Append("x = ").Append(ArithmeticTranslator.Translate(expression)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"print(_show(x, '{Style(reference)}'))\n").ToString();
    }

    private static string Code(string code, string reference) =>
        new StringBuilder(PythonPrelude.Text).Append(code.Trim('\n')).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"print(_show(solution(), '{Style(reference)}'))\n").ToString();

    // The last "99 + 5 = $104"-style calculation in the text that really evaluates to the reference.
    private static string? ProseCalculation(string rationale, string reference) =>
        Prose().Matches(rationale.Split("####")[0]).Reverse()
            .Where(m => SameNumber(m.Groups["value"].Value, reference))
            .Select(m => NumberFormat.WithoutThousands(m.Groups["expr"].Value).Replace("$", "", StringComparison.Ordinal).Trim())
            .FirstOrDefault(expr => Catalog.ArithmeticAnswer.Evaluate(expr) is { } value && SameNumber(value, reference));

    // "x=…" (Ape210K, Math23K) → the right side; "7+2=9" or "a; b=c" (ASDiv) → the left side of the last step.
    internal static string EquationExpression(string equation)
    {
        var text = equation.Trim();
        if (XEquals().Match(text) is { Success: true } x) return text[x.Length..];
        var last = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? text;
        var lhs = UnitInParentheses().Replace(last.Split('=')[0], " ");
        return LastTopLevelItem(lhs);
    }

    // ASDiv sequences "3, 6, 12, 24": the answer is the last term.
    private static string LastTopLevelItem(string expression)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] is '(' or '[') depth++;
            else if (expression[i] is ')' or ']') depth--;
            else if (expression[i] == ',' && depth == 0) start = i + 1;
        }
        return expression[start..];
    }

    private static string Style(string reference)
    {
        var r = reference.Trim();
        return r.EndsWith('%') ? "percent" : SimpleFraction().IsMatch(r) ? "fraction" : "decimal";
    }

    private static bool SameNumber(string stated, string reference) =>
        double.TryParse(stated.Replace(",", "").Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && double.TryParse(reference, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
        && Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));

    [GeneratedRegex(@"<<([^<>=]*)=([^<>]*)>>")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"(?<expr>[\d$.,() ]*\d[\d$.,() ]*(?:[+\-*/][\d$.,() ]*\d[\d$.,() ]*)+)=\s*\$?(?<value>-?\d[\d,]*(?:\.\d+)?)")]
    private static partial Regex Prose();

    [GeneratedRegex(@"^\s*[xX]\s*=")]
    private static partial Regex XEquals();

    [GeneratedRegex(@"\([^()]*[A-Za-z][^()]*\)")]
    private static partial Regex UnitInParentheses();

    [GeneratedRegex(@"^-?\d+/\d+$")]
    private static partial Regex SimpleFraction();
}
