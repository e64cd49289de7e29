using System.Text;
using SIaM.Core.Backends;

namespace SIaM.Tokenization.Chat;

/// <summary>
/// Llama-2 chat: <c>&lt;s&gt;[INST] user [/INST] answer &lt;/s&gt;</c>; a leading system message goes inside the first
/// instruction as <c>&lt;&lt;SYS&gt;&gt;\n…\n&lt;&lt;/SYS&gt;&gt;\n\n</c>. Roles must alternate user/assistant, as the template
/// demands. The template has no generation prompt: the text ends with " [/INST]".
/// </summary>
internal sealed class Llama2Format(string bosToken, string eosToken) : IChatFormat
{
    public string Name => "llama2";
    public string? EndOfTurnToken => null;

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var system = messages.Count > 0 && messages[0].Role == "system" ? messages[0].Content : null;
        var loop = system is null ? messages : messages.Skip(1).ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < loop.Count; i++)
        {
            var m = loop[i];
            if ((m.Role == "user") != (i % 2 == 0))
                throw new ArgumentException("Conversation roles must alternate user/assistant/user/assistant/... (Llama-2 chat template)", nameof(messages));
            var content = i == 0 && system is not null ? $"<<SYS>>\n{system}\n<</SYS>>\n\n{m.Content}" : m.Content;
            if (m.Role == "user") sb.Append(bosToken).Append("[INST] ").Append(content.Trim()).Append(" [/INST]");
            else if (m.Role == "assistant") sb.Append(' ').Append(content.Trim()).Append(' ').Append(eosToken);
        }
        return sb.ToString();
    }
}
