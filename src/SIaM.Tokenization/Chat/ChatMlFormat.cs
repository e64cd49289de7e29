using System.Text;
using System.Text.RegularExpressions;
using SIaM.Core.Backends;

namespace SIaM.Tokenization.Chat;

/// <summary>
/// ChatML (Qwen, Qwen2, Qwen2.5, Qwen2.5-Math): <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message. When the
/// template writes a default system prompt for conversations without one (Qwen2/2.5), that prompt is taken from it.
/// </summary>
internal sealed partial class ChatMlFormat(string? defaultSystem) : IChatFormat
{
    public string Name => "chatml";
    public string? EndOfTurnToken => "<|im_end|>";

    /// <summary>The default system prompt written literally in a ChatML template, or null.</summary>
    public static string? DefaultSystemOf(string template) =>
        DefaultSystem().Match(template) is { Success: true } m ? JinjaLiteral.Unescape(m.Groups["text"].Value) : null;

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var sb = new StringBuilder();
        if (defaultSystem is not null && (messages.Count == 0 || messages[0].Role != "system"))
            sb.Append("<|im_start|>system\n").Append(defaultSystem).Append("<|im_end|>\n");
        foreach (var m in messages) sb.Append("<|im_start|>").Append(m.Role).Append('\n').Append(m.Content).Append("<|im_end|>\n");
        if (addGenerationPrompt) sb.Append("<|im_start|>assistant\n");
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<q>['""])<\|im_start\|>system\\n(?<text>(?:(?!\k<q>).)+?)<\|im_end\|>", RegexOptions.Singleline)]
    private static partial Regex DefaultSystem();
}
