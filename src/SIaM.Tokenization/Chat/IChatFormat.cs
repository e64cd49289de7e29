using SIaM.Core.Backends;

namespace SIaM.Tokenization.Chat;

/// <summary>One chat-template family, rendered in C# to the exact text its Jinja template produces.</summary>
internal interface IChatFormat
{
    /// <summary>Family name: chatml, llama3, llama2 or plain.</summary>
    string Name { get; }

    /// <summary>The token that ends an assistant turn, when it differs from the tokenizer's EOS.</summary>
    string? EndOfTurnToken { get; }

    string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt);
}
