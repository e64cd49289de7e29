using SIaM.Core.Backends;
using SIaM.Tokenization.Loading;
using SIaM.Tokenization.Pipeline;

namespace SIaM.Tokenization;

/// <summary>
/// A Hugging Face tokenizer loaded from a checkpoint directory: tokenizer.json (byte-level BPE as in GPT-2, Qwen2 and
/// Llama-3, or SentencePiece-style BPE as in Llama-2), tokenizer_config.json (+ special_tokens_map.json,
/// generation_config.json, chat_template.jinja when present). Encoding and decoding reproduce the <c>tokenizers</c>
/// library; features it does not implement fail at load time with an <see cref="SIaM.Core.InputException"/> naming them.
/// </summary>
public sealed class HfTokenizer
{
    private readonly TokenizerPipeline _pipeline;

    private HfTokenizer(TokenizerPipeline pipeline, TokenizerConfig config, IReadOnlyDictionary<string, int> vocabulary)
    {
        _pipeline = pipeline;
        int? Id(string? token) => token is null ? null : pipeline.IdOf(token, vocabulary);
        BosTokenId = Id(config.BosToken);
        PadTokenId = Id(config.PadToken);
        ChatTemplate = ChatTemplate.FromTemplate(config.ChatTemplate, config.BosToken, config.EosToken);
        var eos = new List<int?> { Id(config.EosToken) };
        eos.AddRange(config.GenerationEosIds.Select(i => (int?)i));
        eos.Add(Id(ChatTemplate.EndOfTurnToken));
        EosTokenIds = eos.OfType<int>().Distinct().ToList();
    }

    /// <summary>Loads the tokenizer of a checkpoint directory.</summary>
    /// <exception cref="SIaM.Core.InputException">The directory or tokenizer.json is missing, malformed or uses an unsupported feature.</exception>
    public static HfTokenizer Load(string directory)
    {
        var file = Path.Combine(directory, "tokenizer.json");
        if (!File.Exists(file)) throw new SIaM.Core.InputException($"{file}: not found (an hf: checkpoint directory needs tokenizer.json)");
        var (parts, vocabulary) = TokenizerJsonReader.Read(file);
        var pipeline = new TokenizerPipeline(parts);
        var tokenizer = new HfTokenizer(pipeline, TokenizerConfig.Read(directory), vocabulary);
        var lacking = tokenizer.ChatTemplate.RequiredSpecialTokens.Where(t => pipeline.IdOf(t, vocabulary) is null).ToList();
        if (lacking.Count > 0)
            throw new SIaM.Core.InputException(
                $"{directory}: the chat template ({tokenizer.ChatTemplate.Name}) writes {string.Join(", ", lacking)}, which {file} does not define as tokens");
        return tokenizer;
    }

    /// <summary>The beginning-of-sequence token id from the tokenizer config, if any.</summary>
    public int? BosTokenId { get; }

    /// <summary>Ids that end generation: the config's EOS, generation_config.json's eos_token_id, and the chat family's end-of-turn token.</summary>
    public IReadOnlyList<int> EosTokenIds { get; }

    /// <summary>The padding token id from the tokenizer config, if any.</summary>
    public int? PadTokenId { get; }

    /// <summary>The chat format chosen from the tokenizer config.</summary>
    public ChatTemplate ChatTemplate { get; }

    /// <summary>Token ids of <paramref name="text"/>; <paramref name="addSpecialTokens"/> applies the post-processor (e.g. Llama's BOS).</summary>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pipeline.Encode(text, addSpecialTokens);
    }

    /// <summary>Renders <paramref name="messages"/> with <see cref="ChatTemplate"/> and encodes the result; special tokens are
    /// added only for a plain template (chat templates write their own BOS).</summary>
    public IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true) =>
        Encode(ChatTemplate.Render(messages, addGenerationPrompt), addSpecialTokens: ChatTemplate.IsPlain);

    /// <summary>Text of <paramref name="ids"/>, as the tokenizers library decodes it. transformers' optional
    /// clean_up_tokenization_spaces is never applied: it rewrites code (<c>x != y</c> → <c>x!= y</c>).</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _pipeline.Decode(ids, skipSpecialTokens);
    }
}
