using System.Text.Json;

namespace SIaM.Tokenization.Tests.Support;

/// <summary>
/// Writes a tokenizer directory (tokenizer.json + tokenizer_config.json) in the layout of a real byte-level BPE
/// checkpoint from a vocab.json (or encoder.json) and a merges file, for vocabularies whose tokenizer.json is too big
/// for the fixtures. The JSON fragments are those of the real files (see Llama3Checkpoint and Qwen2Checkpoint).
/// </summary>
internal sealed record ByteLevelCheckpoint(
    string VocabFile, string MergesFile, IReadOnlyList<(int Id, string Content, bool Special)> AddedTokens,
    string NormalizerJson, string PreTokenizerJson, string PostProcessorJson, string DecoderJson, bool IgnoreMerges,
    IReadOnlyDictionary<string, object?> Config)
{
    public string WriteTo(string directory)
    {
        using (var stream = File.Create(Path.Combine(directory, "tokenizer.json")))
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            w.WriteStartArray("added_tokens");
            foreach (var (id, content, special) in AddedTokens)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteString("content", content);
                foreach (var flag in new[] { "single_word", "lstrip", "rstrip", "normalized" }) w.WriteBoolean(flag, false);
                w.WriteBoolean("special", special);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteRaw(w, "normalizer", NormalizerJson);
            WriteRaw(w, "pre_tokenizer", PreTokenizerJson);
            WriteRaw(w, "post_processor", PostProcessorJson);
            WriteRaw(w, "decoder", DecoderJson);
            w.WriteStartObject("model");
            w.WriteString("type", "BPE");
            w.WriteNull("unk_token");
            w.WriteBoolean("fuse_unk", false);
            w.WriteBoolean("byte_fallback", false);
            w.WriteBoolean("ignore_merges", IgnoreMerges);
            w.WritePropertyName("vocab");
            using (var vocab = JsonDocument.Parse(File.ReadAllBytes(VocabFile))) vocab.RootElement.WriteTo(w);
            w.WriteStartArray("merges");
            foreach (var line in File.ReadLines(MergesFile))
                if (line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal)) w.WriteStringValue(line);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), JsonSerializer.Serialize(Config));
        return directory;
    }

    /// <summary>The Split + ByteLevel(use_regex false) pre-tokenizer of Llama-3 and Qwen2, with the given regex.</summary>
    public static string SplitThenByteLevel(string pattern) => $$"""
        {"type":"Sequence","pretokenizers":[
          {"type":"Split","pattern":{"Regex":{{JsonSerializer.Serialize(pattern)}}},"behavior":"Isolated","invert":false},
          {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":false,"use_regex":false}]}
        """;

    public const string ByteLevelJson = """{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":false,"use_regex":false}""";

    private static void WriteRaw(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.WriteTo(w);
    }
}
