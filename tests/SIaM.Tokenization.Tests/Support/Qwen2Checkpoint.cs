namespace SIaM.Tokenization.Tests.Support;

/// <summary>
/// Qwen2 / Qwen2.5 tokenizer from a Qwen2 vocab.json + merges.txt (model-fixtures/qwen2-bpe): NFC normalizer, Qwen2's
/// Split regex (single digits) + ByteLevel, BPE without ignore_merges, Qwen2.5's 22 added tokens from 151643, and
/// Qwen2-Instruct's chat template. Committed under Fixtures/qwen2-bpe (../shared has no Qwen2 tokenizer file).
/// </summary>
internal static class Qwen2Checkpoint
{
    public const string Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string ChatTemplate =
        "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}" +
        "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}" +
        "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static readonly string[] Added =
    [
        "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|object_ref_start|>", "<|object_ref_end|>", "<|box_start|>",
        "<|box_end|>", "<|quad_start|>", "<|quad_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>",
        "<|image_pad|>", "<|video_pad|>", "<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>",
        "<|fim_suffix|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>",
    ];

    public static string Source => Path.Combine(AppContext.BaseDirectory, "Fixtures", "qwen2-bpe");

    public static string? Write(string directory)
    {
        if (!File.Exists(Path.Combine(Source, "vocab.json"))) return null;
        return new ByteLevelCheckpoint(
            Path.Combine(Source, "vocab.json"), Path.Combine(Source, "merges.txt"),
            Added.Select((t, i) => (151643 + i, t, !t.Contains("tool_call"))).ToList(),
            """{"type":"NFC"}""",
            ByteLevelCheckpoint.SplitThenByteLevel(Pattern),
            ByteLevelCheckpoint.ByteLevelJson,
            ByteLevelCheckpoint.ByteLevelJson,
            IgnoreMerges: false,
            new Dictionary<string, object?>
            {
                ["bos_token"] = null,
                ["eos_token"] = "<|endoftext|>",
                ["pad_token"] = "<|endoftext|>",
                ["chat_template"] = ChatTemplate,
            }).WriteTo(directory);
    }
}
