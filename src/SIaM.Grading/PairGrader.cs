using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;

namespace SIaM.Grading;

/// <summary>
/// Grades JSON Lines of <c>{"reference", "prediction", ["benchmark"], ["kind"], ["choices"]}</c> and returns each line with
/// <c>extracted</c>, <c>equivalent</c> and <c>path</c> added (what <c>siam grade</c> prints).
/// </summary>
/// <param name="kindOf">The answer kind of a benchmark id, or null when the id is unknown.</param>
public sealed class PairGrader(IAnswerExtractor extractor, IEquivalenceChecker checker, Func<string, AnswerKind?> kindOf)
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Grades one line; throws <see cref="InputException"/> naming <paramref name="source"/>:<paramref name="lineNumber"/> on bad input.</summary>
    /// <param name="extracted">True when predictions are already extracted answers, not raw model text.</param>
    public string GradeLine(string line, string source, int lineNumber, bool extracted)
    {
        JsonObject row;
        try
        {
            row = JsonNode.Parse(line) as JsonObject ?? throw new InputException($"{source}:{lineNumber}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}:{lineNumber}: invalid JSON: {e.Message}");
        }
        var reference = Text(row, "reference", source, lineNumber) ?? throw new InputException($"{source}:{lineNumber}: missing \"reference\"");
        var prediction = Text(row, "prediction", source, lineNumber) ?? throw new InputException($"{source}:{lineNumber}: missing \"prediction\"");
        var kind = Kind(row, source, lineNumber);
        var choices = row["choices"] is JsonObject c
            ? c.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "")
            : null;
        var problem = new Problem(
            Text(row, "benchmark", source, lineNumber) ?? "pairs",
            lineNumber - 1,
            Text(row, "question", source, lineNumber) ?? "",
            reference,
            kind,
            choices);
        var answer = extracted ? new ExtractedAnswer(prediction, "given") : extractor.FromText(prediction, problem);
        var grade = Grader.Judge(answer, problem, checker);
        row["extracted"] = grade.Extracted;
        row["equivalent"] = grade.Correct;
        row["path"] = grade.Path;
        return row.ToJsonString(Compact);
    }

    private AnswerKind Kind(JsonObject row, string source, int lineNumber)
    {
        if (Text(row, "kind", source, lineNumber) is { } k)
            return Enum.TryParse<AnswerKind>(k, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InputException($"{source}:{lineNumber}: unknown kind '{k}'; valid: {string.Join(", ", Enum.GetNames<AnswerKind>())}");
        if (Text(row, "benchmark", source, lineNumber) is { } id)
            return kindOf(id) ?? throw new InputException($"{source}:{lineNumber}: unknown benchmark '{id}'");
        return AnswerKind.Expression;
    }

    private static string? Text(JsonObject row, string field, string source, int lineNumber) => row[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out _) => v.ToJsonString(),
        _ => throw new InputException($"{source}:{lineNumber}: \"{field}\" must be a string or a number"),
    };
}
