using System.Text.Json.Serialization;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

/// <summary>One row of a free-text case table: raw model text, a reference and the expected verdict (extraction and equivalence).</summary>
public sealed record TextCase(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("expected")] bool Expected,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("question")] string? Question = null,
    [property: JsonPropertyName("mode")] string? Mode = null,
    [property: JsonPropertyName("method")] string? Method = null,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    public AnswerKind AnswerKind => Kind is null ? AnswerKind.Expression : Enum.Parse<AnswerKind>(Kind, ignoreCase: true);

    public GradingMode GradingMode => Mode is null ? GradingMode.Default : Enum.Parse<GradingMode>(Mode, ignoreCase: true);

    public Problem Problem => new("cases", 0, Question ?? "", Reference, AnswerKind);
}
