namespace SIaM.Core.Backends;

/// <summary>
/// Asks for the log-probability of each of a few <see cref="Candidates"/> (e.g. <c>YES</c> / <c>NO</c>) as the
/// continuation of a prompt. The prompt is built as for a <see cref="GenerationRequest"/>: chat backends render
/// <see cref="Messages"/> with the chat template and append <see cref="AssistantPrefix"/>; a request without messages is a
/// raw prompt (<see cref="AssistantPrefix"/> alone).
/// </summary>
/// <param name="Id">Names the request in errors and recordings (e.g. <c>gsm8k/17#0</c>).</param>
/// <param name="Messages">The chat prompt; empty for a raw prompt.</param>
/// <param name="AssistantPrefix">Text appended after the rendered prompt.</param>
/// <param name="Candidates">The continuations to score, each non-empty.</param>
public sealed record ScoringRequest(
    string Id,
    IReadOnlyList<ChatMessage> Messages,
    string AssistantPrefix,
    IReadOnlyList<string> Candidates)
{
    /// <summary>The prompt as one plain text (messages joined, then the prefix), as <see cref="GenerationRequest.PlainPrompt"/>.</summary>
    public string PlainPrompt =>
        string.Concat(Messages.Select(m => m.Content + "\n\n")) + AssistantPrefix;
}
