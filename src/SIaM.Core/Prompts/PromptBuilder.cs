using System.Text.Json;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;

namespace SIaM.Core.Prompts;

/// <summary>Builds the chat prompt for a problem. Pure.</summary>
public static class PromptBuilder
{
    /// <summary>
    /// The messages for <paramref name="problem"/>: system, optional few-shot turns, then the question (a template with
    /// no system text or instruction leaves them out).
    /// </summary>
    public static IReadOnlyList<ChatMessage> Build(Problem problem, PromptTemplate template, int fewShot)
    {
        var messages = new List<ChatMessage>();
        if (template.System.Length > 0) messages.Add(ChatMessage.System(template.System));
        foreach (var exemplar in template.Exemplars.Take(fewShot))
        {
            messages.Add(ChatMessage.User(UserTurn(template, exemplar.Question)));
            messages.Add(ChatMessage.Assistant(exemplar.Answer));
        }
        messages.Add(ChatMessage.User(UserTurn(template, problem.Question)));
        return messages;
    }

    /// <summary>SHA-256 of the exact messages (roles and contents), recorded with every sample.</summary>
    public static string Hash(IReadOnlyList<ChatMessage> messages) =>
        Sha256.Hex(JsonSerializer.Serialize(messages.Select(m => new[] { m.Role, m.Content })));

    private static string UserTurn(PromptTemplate template, string question) =>
        template.Instruction.Length > 0 ? $"{template.Instruction}\n\n{question}" : question;
}
