using System.Text.Json;
using SIaM.Tokenization.Pipeline;

namespace SIaM.Tokenization.Loading;

/// <summary>Reads a Hugging Face tokenizer.json (BPE model) into <see cref="TokenizerParts"/>.</summary>
internal static class TokenizerJsonReader
{
    public static (TokenizerParts Parts, IReadOnlyDictionary<string, int> Vocabulary) Read(string path)
    {
        using var doc = Json.Parse(path);
        var root = doc.RootElement;
        var components = new ComponentReader(path);
        var added = (root.Child("added_tokens")?.EnumerateArray() ?? default).Select(ReadAddedToken).ToList();
        var model = root.Child("model") ?? throw new SIaM.Core.InputException($"{path}: 'model' is missing");
        var (vocabulary, bpe) = ReadBpe(path, model);
        var lookup = new Dictionary<string, int>(vocabulary);
        foreach (var t in added) lookup[t.Content] = t.Id;
        var (prefix, suffix) = PostProcessorReader.Single(path, root.Child("post_processor"), lookup);
        var parts = new TokenizerParts(
            added,
            components.Normalizer(root.Child("normalizer")),
            components.PreTokenizer(root.Child("pre_tokenizer")),
            bpe,
            vocabulary.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key),
            components.Decoder(root.Child("decoder")),
            prefix,
            suffix);
        return (parts, vocabulary);
    }

    private static AddedToken ReadAddedToken(JsonElement t) => new(
        t.GetProperty("id").GetInt32(), t.Str("content") ?? "", t.Bool("special"), t.Bool("single_word"),
        t.Bool("lstrip"), t.Bool("rstrip"), t.Bool("normalized"));

    private static (Dictionary<string, int>, BpeModel) ReadBpe(string path, JsonElement model)
    {
        var type = model.Str("type") ?? (model.Child("merges") is not null ? "BPE" : "(no type)");
        if (type != "BPE") throw Unsupported.Feature(path, "model type", type, "BPE");
        foreach (var field in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
            if (!string.IsNullOrEmpty(model.Str(field))) throw Unsupported.Feature(path, "BPE " + field, model.Str(field)!, "empty");
        if (model.Child("dropout") is { ValueKind: JsonValueKind.Number } dropout && dropout.GetDouble() > 0)
            throw Unsupported.Feature(path, "BPE dropout", dropout.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture), "none");

        var vocabulary = new Dictionary<string, int>();
        foreach (var entry in (model.Child("vocab") ?? throw new SIaM.Core.InputException($"{path}: model.vocab is missing")).EnumerateObject())
            vocabulary[entry.Name] = entry.Value.GetInt32();
        var merges = (model.Child("merges")?.EnumerateArray() ?? default).Select(m => MergeLine(path, m)).ToList();
        var unk = model.Str("unk_token") is { } u && vocabulary.TryGetValue(u, out var unkId) ? unkId : (int?)null;
        var settings = new BpeSettings(unk, model.Bool("fuse_unk"), model.Bool("byte_fallback"), model.Bool("ignore_merges"));
        return (vocabulary, new BpeModel(vocabulary, merges, settings));
    }

    // Merges come as "a b" strings (older files) or ["a", "b"] pairs (tokenizers >= 0.20).
    private static string MergeLine(string path, JsonElement merge)
    {
        if (merge.ValueKind == JsonValueKind.String) return merge.GetString()!;
        var pair = merge.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
        if (pair.Length != 2 || pair.Any(p => p.Contains(' ')))
            throw Unsupported.Feature(path, "merge", string.Join("|", pair), "two parts without spaces");
        return pair[0] + " " + pair[1];
    }
}
