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
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("mode")] string? Mode = null,
    [property: JsonPropertyName("question")] string? Question = null)
{
    public AnswerKind AnswerKind => Kind is null ? AnswerKind.Expression : Enum.Parse<AnswerKind>(Kind, ignoreCase: true);

    public GradingMode GradingMode => Mode is null ? GradingMode.Default : Enum.Parse<GradingMode>(Mode, ignoreCase: true);

    public override string ToString() => $"{Prediction} vs {Reference}";
}
