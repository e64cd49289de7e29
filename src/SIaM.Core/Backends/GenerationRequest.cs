namespace SIaM.Core.Backends;

/// <summary>
/// One completion to produce. Chat backends render <see cref="Messages"/> with the model's chat template and then append
/// <see cref="AssistantPrefix"/> (the assistant's text so far, used to continue a tool-integrated solution);
/// plain-completion backends use <see cref="PlainPrompt"/>.
/// </summary>
/// <param name="ProblemId">The problem id (<c>gsm8k/17</c>); replay and oracle backends look completions up by it.</param>
/// <param name="SampleIndex">0-based index among the k samples of one problem; part of the sampling seed and cache key.</param>
/// <param name="Messages">The chat prompt.</param>
/// <param name="AssistantPrefix">Assistant text to continue from; empty for a fresh answer.</param>
/// <param name="Config">Decoding settings.</param>
public sealed record GenerationRequest(
    string ProblemId,
    int SampleIndex,
    IReadOnlyList<ChatMessage> Messages,
    string AssistantPrefix,
    GenerationConfig Config)
{
    /// <summary>The prompt as one plain text (messages joined, then the assistant prefix), for backends without chat templates.</summary>
    public string PlainPrompt =>
        string.Concat(Messages.Select(m => m.Content + "\n\n")) + AssistantPrefix;
}
