using System.Text.Json.Serialization;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

/// <summary>One row of an extraction case table: text or program output and the expected answer and method.</summary>
public sealed record ExtractionCase(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("stdout")] string? Stdout,
    [property: JsonPropertyName("expected_answer")] string? ExpectedAnswer,
    [property: JsonPropertyName("expected_method")] string ExpectedMethod,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("mode")] string? Mode = null,
    [property: JsonPropertyName("reference")] string? Reference = null)
{
    public AnswerKind AnswerKind => Kind is null ? AnswerKind.Number : Enum.Parse<AnswerKind>(Kind, ignoreCase: true);

    public GradingMode GradingMode => Mode is null ? GradingMode.Default : Enum.Parse<GradingMode>(Mode, ignoreCase: true);
}
