using SIaM.Core.Backends;

namespace SIaM.Tokenization.Chat;

/// <summary>No chat template (base models): the messages' contents joined by a blank line, nothing added.</summary>
internal sealed class PlainFormat(string name) : IChatFormat
{
    public string Name => name;
    public string? EndOfTurnToken => null;

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt) =>
        string.Join("\n\n", messages.Select(m => m.Content));
}
