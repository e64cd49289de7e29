using System.Text;
using System.Text.Json;
using SIaM.Core.Benchmarks;

namespace SIaM.Data.Catalog;

/// <summary>TabMWP: the question is the table title, the text table, the question and any choices.</summary>
internal static class Tabmwp
{
    public static Problem Map(RawRecord r)
    {
        var text = new StringBuilder();
        if (r.OptionalText("table_title") is { Length: > 0 } title) text.Append(title.Trim()).Append('\n');
        text.Append(r.Text("table").Trim()).Append("\n\n").Append(r.Text("question").Trim());
        var choices = r.Value.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(x => x.ToString()).ToList()
            : null;
        if (choices is { Count: > 0 }) text.Append("\nOptions: ").Append(string.Join(", ", choices));
        if (r.OptionalText("unit") is { Length: > 0 } unit) text.Append("\n(Unit: ").Append(unit).Append(')');
        var numeric = r.OptionalText("ans_type") is "integer_number" or "decimal_number";
        var answer = r.Text("answer");
        return r.ToProblem(text.ToString(), numeric ? NumberFormat.WithoutThousands(answer) : answer,
            numeric ? AnswerKind.Number : AnswerKind.Expression);
    }
}
