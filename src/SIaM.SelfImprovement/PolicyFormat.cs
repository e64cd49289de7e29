using SIaM.Core.Backends;

namespace SIaM.SelfImprovement;

/// <summary>
/// How the loop asks a policy: one user message holding the question, answered by a bare Python program. With a plain
/// chat template the backend's prompt is the question and a blank line, exactly what training prompts use.
/// </summary>
public static class PolicyFormat
{
    /// <summary>The prompt text as a plain-template backend renders it.</summary>
    public static string Prompt(string question) => question + "\n\n";

    /// <summary>A generation request for sample <paramref name="index"/> of a question.</summary>
    public static GenerationRequest Request(LoopQuestion q, int index, GenerationConfig config) =>
        new(q.Id, index, [ChatMessage.User(q.Question)], "", config);
}
