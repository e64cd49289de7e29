using System.Text.Json;
using System.Text.Json.Serialization;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

/// <summary>One row of a grading case table: a prediction, a reference and the expected verdict.</summary>
public sealed record EquivalenceCase(
    [property: JsonPropertyName("prediction")] string Prediction,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("expected")] bool Expected,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("choices")] Dictionary<string, string>? Choices = null,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    public AnswerKind AnswerKind => Kind is null ? AnswerKind.Expression : Enum.Parse<AnswerKind>(Kind, ignoreCase: true);

    public override string ToString() => $"{Prediction} vs {Reference}";
}

/// <summary>One row of an extraction case table: text or program output and the expected answer and method.</summary>
public sealed record ExtractionCase(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("stdout")] string? Stdout,
    [property: JsonPropertyName("expected_answer")] string? ExpectedAnswer,
    [property: JsonPropertyName("expected_method")] string ExpectedMethod,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    public AnswerKind AnswerKind => Kind is null ? AnswerKind.Number : Enum.Parse<AnswerKind>(Kind, ignoreCase: true);
}

/// <summary>Reads the JSONL case tables under <c>Cases/</c> next to the test assembly.</summary>
public static class CaseTables
{

    public static IEnumerable<TestCaseData> Equivalence() => Rows<EquivalenceCase>(f => !f.StartsWith("extraction", StringComparison.Ordinal))
        .Select(r => new TestCaseData(r.Row).SetName($"{r.File}:{r.Line} {Trim(r.Row.Prediction)} vs {Trim(r.Row.Reference)} => {r.Row.Expected}"));

    public static IEnumerable<TestCaseData> Extraction() => Rows<ExtractionCase>(f => f.StartsWith("extraction", StringComparison.Ordinal))
        .Select(r => new TestCaseData(r.Row).SetName($"{r.File}:{r.Line} {Trim(r.Row.Text ?? r.Row.Stdout ?? "")} => {r.Row.ExpectedAnswer}"));

    public static IReadOnlyList<EquivalenceCase> AllEquivalence() =>
        Rows<EquivalenceCase>(f => !f.StartsWith("extraction", StringComparison.Ordinal)).Select(r => r.Row).ToList();

    private static IEnumerable<(string File, int Line, T Row)> Rows<T>(Func<string, bool> fileFilter)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Cases");
        foreach (var path in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!fileFilter(name)) continue;
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                T? row;
                try { row = JsonSerializer.Deserialize<T>(line); }
                catch (JsonException ex) { throw new InvalidDataException($"{name}:{lineNumber}: {ex.Message}", ex); }
                yield return (name, lineNumber, row ?? throw new InvalidDataException($"{name}:{lineNumber}: empty row"));
            }
        }
    }

    private static string Trim(string s)
    {
        var one = s.Replace('\n', ' ').Replace('\r', ' ');
        return one.Length > 40 ? one[..40] + "…" : one;
    }
}
