using SIaM.Core.Backends;
using SIaM.Tokenization.Chat;

namespace SIaM.Tokenization;

/// <summary>
/// The chat format of a checkpoint, chosen from tokenizer_config.json's <c>chat_template</c> (or chat_template.jinja):
/// ChatML / Qwen (<c>&lt;|im_start|&gt;</c>), Llama-3 (<c>&lt;|start_header_id|&gt;</c>) or Llama-2 (<c>[INST]</c> with
/// <c>&lt;&lt;SYS&gt;&gt;</c>). Without a template, or with one of another family, it is plain: contents joined by a blank line.
/// Rendered text contains special tokens (e.g. the BOS) as text: encode it with <c>addSpecialTokens: false</c>, or use
/// <see cref="HfTokenizer.EncodeChat"/>.
/// </summary>
public sealed class ChatTemplate
{
    private readonly IChatFormat _format;

    private ChatTemplate(IChatFormat format) => _format = format;

    /// <summary>True when no chat family was recognised and messages are joined as plain text.</summary>
    public bool IsPlain => _format is PlainFormat;

    /// <summary>The family: <c>chatml</c>, <c>llama3</c>, <c>llama2</c>, <c>plain</c>, or <c>plain (unrecognised chat_template)</c>.</summary>
    public string Name => _format.Name;

    /// <summary>The token that ends an assistant turn in this family (<c>&lt;|im_end|&gt;</c>, <c>&lt;|eot_id|&gt;</c>), if any.</summary>
    public string? EndOfTurnToken => _format.EndOfTurnToken;

    /// <summary>The special tokens this family writes; a tokenizer without them would encode them as plain text.</summary>
    public IReadOnlyList<string> RequiredSpecialTokens => _format switch
    {
        ChatMlFormat => ["<|im_start|>", "<|im_end|>"],
        Llama3Format => ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
        _ => [],
    };

    /// <summary>Renders the conversation as the template would; <paramref name="addGenerationPrompt"/> opens an assistant turn.</summary>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _format.Render(messages, addGenerationPrompt);
    }

    /// <summary>Picks the family from a Jinja chat template (null or empty: plain).</summary>
    public static ChatTemplate FromTemplate(string? template, string? bosToken, string? eosToken)
    {
        if (string.IsNullOrWhiteSpace(template)) return new(new PlainFormat("plain"));
        if (template.Contains("<|im_start|>", StringComparison.Ordinal)) return new(new ChatMlFormat(ChatMlFormat.DefaultSystemOf(template)));
        if (template.Contains("<|start_header_id|>", StringComparison.Ordinal)) return new(Llama3Format.From(template, BosText(template, bosToken)));
        if (template.Contains("[INST]", StringComparison.Ordinal) && template.Contains("<<SYS>>", StringComparison.Ordinal))
            return new(new Llama2Format(bosToken ?? "", eosToken ?? ""));
        return new(new PlainFormat("plain (unrecognised chat_template)"));
    }

    /// <summary>A plain template (no chat format).</summary>
    public static ChatTemplate Plain { get; } = new(new PlainFormat("plain"));

    // Llama-3 templates write {{ bos_token }}; a few spell out <|begin_of_text|> instead.
    private static string BosText(string template, string? bosToken) =>
        template.Contains("bos_token", StringComparison.Ordinal) ? bosToken ?? "" :
        template.Contains("<|begin_of_text|>", StringComparison.Ordinal) ? "<|begin_of_text|>" : "";
}
