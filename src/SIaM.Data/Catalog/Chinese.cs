using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;

namespace SIaM.Data.Catalog;

/// <summary>Mappings of the Chinese sets.</summary>
internal static partial class Chinese
{
    public static Problem Cmath(RawRecord r) => r.ToProblem(r.Text("input"), r.Text("golden"), AnswerKind.Number);

    public static Problem Ape210k(RawRecord r) =>
        r.ToProblem(r.Text("original_text"), Ape210kAnswer(r.Text("ans")), AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.Equation, r.Text("equation")));

    public static Problem Math23k(RawRecord r) =>
        r.ToProblem(r.Text("original_text"), r.NumberText("answer"), AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.Equation, r.Text("equation")));

    /// <summary>Gaokao 2024 I/II: single and multi choice (letters in the question text) or a blank.</summary>
    public static Problem Gaokao2024(RawRecord r)
    {
        var answer = r.Text("answer").Trim();
        return r.Text("type") switch
        {
            "single" or "multi" => r.ToProblem(r.Text("question"), TextForm.Letters(answer), AnswerKind.Choice),
            "blank" => Blank(r, r.Text("question"), answer),
            var other => throw r.Error($"unknown question type '{other}' (expected single, multi or blank)"),
        };
    }

    /// <summary>Gaokao 2024 mix and CN middle school: a choice letter when <c>choice_answer</c> is set, else the answer.</summary>
    public static Problem ChoiceOrAnswer(RawRecord r)
    {
        var letter = r.OptionalText("choice_answer")?.Trim();
        return string.IsNullOrEmpty(letter)
            ? r.ToProblem(r.Text("question"), TextForm.StripDollars(r.Text("answer")), AnswerKind.Expression)
            : r.ToProblem(r.Text("question"), TextForm.Letters(letter), AnswerKind.Choice);
    }

    public static Problem MathCloze(RawRecord r) => Blank(r, r.Text("question"), r.Text("answer"), alwaysMulti: true);

    private static Problem Blank(RawRecord r, string question, string answer, bool alwaysMulti = false)
    {
        var blanks = answer.Split(';').Select(TextForm.StripDollars).ToList();
        var kind = alwaysMulti || blanks.Count > 1 ? AnswerKind.MultiBlank : AnswerKind.Expression;
        return r.ToProblem(question, string.Join(";", blanks), kind);
    }

    /// <summary>
    /// <c>"(3/5)"</c> → <c>"3/5"</c>; mixed numbers <c>"2(1/3)"</c> → <c>"7/3"</c>; numbers, fractions and percents as they are;
    /// answers stored as unevaluated arithmetic (<c>"(45+39)/(45-39)"</c>) evaluated exactly (<c>"14"</c>).
    /// </summary>
    internal static string Ape210kAnswer(string ans)
    {
        var t = ans.Trim();
        if (MixedNumber().Match(t) is { Success: true } m)
        {
            var whole = long.Parse(m.Groups[1].Value);
            var num = long.Parse(m.Groups[2].Value);
            var den = long.Parse(m.Groups[3].Value);
            return $"{whole * den + num}/{den}";
        }
        if (ParenthesisedFraction().IsMatch(t)) return t[1..^1];
        return PlainNumber().IsMatch(t) ? t : ArithmeticAnswer.Evaluate(t) ?? t;
    }

    [GeneratedRegex(@"^(\d+)\((\d+)/(\d+)\)$")]
    private static partial Regex MixedNumber();

    [GeneratedRegex(@"^-?(\d+(\.\d+)?%?|\d+/\d+)$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\(\d+/\d+\)$")]
    private static partial Regex ParenthesisedFraction();
}
