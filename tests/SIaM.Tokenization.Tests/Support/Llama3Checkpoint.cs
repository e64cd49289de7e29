namespace SIaM.Tokenization.Tests.Support;

/// <summary>
/// Llama-3 tokenizer from ../shared/model-fixtures/llama3.2-bpe (encoder.json + vocab.bpe): Meta's Split regex +
/// ByteLevel, BPE with ignore_merges, a TemplateProcessing BOS, the 256 special tokens from 128000 (Llama-3.1 names)
/// and Meta-Llama-3-Instruct's chat template.
/// </summary>
internal static class Llama3Checkpoint
{
    public const string Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string ChatTemplate =
        "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + " +
        "'<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}" +
        "{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

    public static IReadOnlyList<string> SpecialTokens { get; } = BuildSpecialTokens();

    public static string Write(string directory)
    {
        var source = Path.Combine(Fixtures.ModelFixtures, "llama3.2-bpe");
        return new ByteLevelCheckpoint(
            Path.Combine(source, "encoder.json"), Path.Combine(source, "vocab.bpe"),
            SpecialTokens.Select((t, i) => (128000 + i, t, true)).ToList(),
            "null",
            ByteLevelCheckpoint.SplitThenByteLevel(Pattern),
            """
            {"type":"Sequence","processors":[
              {"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":true},
              {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<|begin_of_text|>","type_id":0}},{"Sequence":{"id":"A","type_id":0}}],
               "pair":[],"special_tokens":{"<|begin_of_text|>":{"id":"<|begin_of_text|>","ids":[128000],"tokens":["<|begin_of_text|>"]}}}]}
            """,
            """{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}""",
            IgnoreMerges: true,
            new Dictionary<string, object?>
            {
                ["bos_token"] = "<|begin_of_text|>",
                ["eos_token"] = "<|end_of_text|>",
                ["chat_template"] = ChatTemplate,
            }).WriteTo(directory);
    }

    private static List<string> BuildSpecialTokens()
    {
        var named = new[]
        {
            "<|begin_of_text|>", "<|end_of_text|>", "<|reserved_special_token_0|>", "<|reserved_special_token_1|>",
            "<|finetune_right_pad_id|>", "<|reserved_special_token_2|>", "<|start_header_id|>", "<|end_header_id|>",
            "<|eom_id|>", "<|eot_id|>", "<|python_tag|>",
        };
        return [.. named, .. Enumerable.Range(3, 256 - named.Length).Select(i => $"<|reserved_special_token_{i}|>")];
    }
}
