using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;

namespace SIaM.Data.Catalog;

/// <summary>Mappings of the open-answer English sets (number or expression references).</summary>
internal static partial class OpenAnswer
{
    public static Problem Gsm8k(RawRecord r)
    {
        var answer = r.Text("answer");
        var hashes = answer.LastIndexOf("####", StringComparison.Ordinal);
        if (hashes < 0) throw r.Error("field 'answer' has no \"####\" final answer");
        var reference = NumberFormat.WithoutThousands(answer[(hashes + 4)..]);
        return r.ToProblem(r.Text("question"), reference, AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.CalculatorAnnotations, answer));
    }

    public static Problem Boxed(RawRecord r) =>
        r.ToProblem(r.Text("problem"), BoxedContent.Last(r.Text("solution")) ?? throw r.Error("no \\boxed{} answer in field 'solution'"),
            AnswerKind.Expression);

    public static Problem Math500(RawRecord r) => r.ToProblem(r.Text("problem"), r.Text("answer"), AnswerKind.Expression);

    public static Problem Svamp(RawRecord r) =>
        r.ToProblem(Join(r.Text("Body"), r.Text("Question")), r.NumberText("Answer"), AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.Equation, r.Text("Equation")));

    public static Problem Asdiv(RawRecord r) =>
        r.ToProblem(Join(r.Text("body"), r.Text("question")), TextForm.WithoutUnit(r.Text("answer")), AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.Equation, r.Text("formula")));

    public static Problem Mawps(RawRecord r) => r.ToProblem(r.Text("input"), r.NumberText("target"), AnswerKind.Number);

    public static Problem GsmHard(RawRecord r) =>
        r.ToProblem(r.Text("input"), r.NumberText("target"), AnswerKind.Number,
            solution: new ReferenceSolution(ReferenceSolutionKind.PythonCode, r.Text("code")));

    public static Problem CarpEn(RawRecord r) => r.ToProblem(r.Text("content"), TextForm.StripDollars(r.Text("answer")), AnswerKind.Expression);

    public static Problem QuestionAnswer(RawRecord r) =>
        r.ToProblem(r.Text("question"), TextForm.StripDollars(r.Text("answer")), AnswerKind.Expression);

    /// <summary>Two records have an empty answer and carry it at the end of the question ("…answers: $\frac{3}{10}$"); split it off.</summary>
    public static Problem Gaokao2023En(RawRecord r)
    {
        var question = r.Text("question");
        var answer = r.Text("answer");
        if (answer.Trim().Length == 0 && AnswerInQuestion().Match(question) is { Success: true } m)
            (question, answer) = (question[..m.Index], m.Groups[1].Value);
        return r.ToProblem(question, TextForm.StripDollars(answer), AnswerKind.Expression);
    }

    public static Problem Aime(RawRecord r) =>
        r.ToProblem(r.Text("problem"), TextForm.WithoutLeadingZeros(r.NumberText("answer")), AnswerKind.Number);

    public static Problem Amc(RawRecord r) => r.ToProblem(r.Text("question"), r.NumberText("answer"), AnswerKind.Number);

    public static Problem OlympiadBench(RawRecord r)
    {
        var context = r.OptionalText("context");
        var question = string.IsNullOrWhiteSpace(context) ? r.Text("question") : context + "\n\n" + r.Text("question");
        var answers = r.TextList("final_answer").Select(TextForm.StripDollars).ToList();
        if (answers.Count == 0) throw r.Error("field 'final_answer' is empty");
        return r.ToProblem(question, string.Join(", ", answers), AnswerKind.List);
    }

    public static Problem Mgsm(RawRecord r) => r.ToProblem(r.Column(0), NumberFormat.WithoutThousands(r.Column(1)), AnswerKind.Number);

    [GeneratedRegex(@"\s*answers?\s*:\s*(.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AnswerInQuestion();

    private static string Join(string body, string question) => body.Trim() + " " + question.Trim();
}
