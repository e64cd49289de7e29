namespace SIaM.Core.Backends;

/// <summary>A backend's answer to one <see cref="GenerationRequest"/>.</summary>
/// <param name="Text">The generated text (without the prompt, without the stop sequence).</param>
/// <param name="Status">Whether a completion exists.</param>
/// <param name="FinishReason"><c>stop</c>, <c>length</c>, or a backend-specific word.</param>
/// <param name="PromptTokens">Prompt length in tokens, when the backend knows it.</param>
/// <param name="CompletionTokens">Generated tokens, when the backend knows it.</param>
/// <param name="Error">Why there is no completion, when <see cref="Status"/> is not <see cref="CompletionStatus.Ok"/>.</param>
public sealed record Completion(
    string Text,
    CompletionStatus Status = CompletionStatus.Ok,
    string FinishReason = "stop",
    int? PromptTokens = null,
    int? CompletionTokens = null,
    string? Error = null)
{
    /// <summary>No completion was recorded for this request (replay); reported, never graded as wrong.</summary>
    public static Completion Missing(string why) => new("", CompletionStatus.Missing, "missing", Error: why);

    /// <summary>The backend failed for this request after its retries.</summary>
    public static Completion Failed(string why) => new("", CompletionStatus.Error, "error", Error: why);
}

/// <summary>Outcome of one generation request.</summary>
public enum CompletionStatus
{
    /// <summary>A completion was produced.</summary>
    Ok,
    /// <summary>The backend has no completion for this request (e.g. a replay file without that problem).</summary>
    Missing,
    /// <summary>The backend failed for this request.</summary>
    Error,
}
