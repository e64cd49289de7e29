using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;

namespace SIaM.Data.Catalog;

/// <summary>Mappings of the English multiple-choice sets (reference = option letter).</summary>
internal static class MultipleChoice
{
    public static Problem MmluStem(RawRecord r)
    {
        var choices = Options.Lettered(r.TextList("choices"));
        var answer = r.Field("answer");
        if (answer.ValueKind != System.Text.Json.JsonValueKind.Number || !answer.TryGetInt32(out var index) || index < 0 || index >= choices.Count)
            throw r.Error($"field 'answer' must be an option index 0-{choices.Count - 1}");
        return Choice(r, r.Text("question"), choices, ((char)('A' + index)).ToString());
    }

    public static Problem SatMath(RawRecord r) =>
        Choice(r, r.Text("question"), Options.FromInlineString(r, r.Text("options"),
            l => new Regex($@"(?<=^|\s){l}[).]\s*")), r.Text("Answer"));

    public static Problem AgievalSatMath(RawRecord r)
    {
        var passage = r.OptionalText("passage");
        var question = string.IsNullOrWhiteSpace(passage) ? r.Text("question") : passage.Trim() + "\n\n" + r.Text("question");
        return Choice(r, question, Options.FromPrefixedList(r, r.TextList("options")), r.Text("label"));
    }

    public static Problem Aqua(RawRecord r) =>
        Choice(r, r.Text("question"), Options.FromPrefixedList(r, r.TextList("options")), r.Text("correct"));

    public static Problem MathQa(RawRecord r) =>
        Choice(r, r.Text("problem"), Options.FromInlineString(r, r.Text("options"),
            l => new Regex($@"(?<=^|[,\['""]\s?|\s){char.ToLowerInvariant(l)} \)\s*")), r.Text("correct"));

    public static Problem GaokaoMathQa(RawRecord r) =>
        Choice(r, r.Text("question"), Options.FromPrefixedList(r, r.TextList("options")), r.Text("label"));

    public static Problem Choice(RawRecord r, string question, IReadOnlyDictionary<string, string> choices, string answer)
    {
        var letters = TextForm.Letters(answer);
        if (letters.Length == 0 || letters.Any(l => !choices.ContainsKey(l.ToString())))
            throw r.Error($"answer '{answer}' is not one of the options {string.Join(", ", choices.Keys)}");
        return r.ToProblem(Options.Render(question, choices), letters, AnswerKind.Choice, choices);
    }
}
