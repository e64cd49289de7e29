using SIaM.Core.Sandbox;

namespace SIaM.Core.SelfImprovement;

/// <summary>One sampled solution of a question after execution and filtering.</summary>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="SampleIndex">Its index among the k samples of the question.</param>
/// <param name="Completion">The model's text (the training target when it is selected).</param>
/// <param name="Program">The program extracted from the completion; null when it had none.</param>
/// <param name="Status">The sandbox verdict; null when nothing ran.</param>
/// <param name="Output">What the program printed (trimmed).</param>
/// <param name="Accepted">The filter's verdict (rules or critic): the output matches the reference answer.</param>
/// <param name="CompletionTokens">Length of the completion in tokens.</param>
public sealed record CandidateProgram(
    string QuestionId,
    int SampleIndex,
    string Completion,
    string? Program,
    ExecStatus? Status,
    string Output,
    bool Accepted,
    int CompletionTokens);
