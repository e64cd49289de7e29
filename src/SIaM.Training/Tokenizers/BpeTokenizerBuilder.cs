using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SIaM.Training.Tokenizers;

/// <summary>
/// Trains a small byte-level BPE tokenizer (digits always single tokens) on a corpus and writes it as Hugging Face
/// tokenizer.json + tokenizer_config.json, which the <c>hf:</c> backend's tokenizer loads. Ids: 0 = &lt;|pad|&gt;,
/// 1 = &lt;|endoftext|&gt; (EOS), then the 256 byte symbols, then one id per merge. Deterministic: ties between equally
/// frequent pairs go to the ordinally smaller pair.
/// </summary>
public static partial class BpeTokenizerBuilder
{
    /// <summary>Padding token.</summary>
    public const string Pad = "<|pad|>";

    /// <summary>End of sequence.</summary>
    public const string Eos = "<|endoftext|>";

    [GeneratedRegex(@"\p{N}| ?\p{L}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex Words();

    /// <summary>Learns up to <paramref name="merges"/> merges from <paramref name="corpus"/>, writes the files into
    /// <paramref name="directory"/> and returns the vocabulary size (special tokens included).</summary>
    public static int Build(IEnumerable<string> corpus, int merges, string directory)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in corpus)
            foreach (Match m in Words().Matches(text))
                words[m.Value] = words.GetValueOrDefault(m.Value) + 1;
        var split = words.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => (Symbols: ByteLevelAlphabet.Encode(w.Key).ToList(), Count: w.Value)).ToList();
        var learned = new List<(string, string)>();
        for (var i = 0; i < merges; i++)
        {
            var pairs = new Dictionary<(string, string), int>();
            foreach (var (symbols, count) in split)
                for (var j = 0; j + 1 < symbols.Count; j++)
                    pairs[(symbols[j], symbols[j + 1])] = pairs.GetValueOrDefault((symbols[j], symbols[j + 1])) + count;
            if (pairs.Count == 0) break;
            var best = pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Item2, StringComparer.Ordinal).First();
            if (best.Value < 2) break;
            learned.Add(best.Key);
            foreach (var (symbols, _) in split) Merge(symbols, best.Key);
        }
        Directory.CreateDirectory(directory);
        var (json, size) = TokenizerJson(learned);
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), json);
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"),
            new JsonObject { ["eos_token"] = Eos, ["pad_token"] = Pad, ["model_max_length"] = 512, ["tokenizer_class"] = "PreTrainedTokenizerFast" }
                .ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return size;
    }

    private static void Merge(List<string> symbols, (string Left, string Right) pair)
    {
        for (var j = 0; j + 1 < symbols.Count; j++)
            if (symbols[j] == pair.Left && symbols[j + 1] == pair.Right)
            {
                symbols[j] = pair.Left + pair.Right;
                symbols.RemoveAt(j + 1);
            }
    }

    private static (string Json, int VocabSize) TokenizerJson(IReadOnlyList<(string Left, string Right)> merges)
    {
        var vocab = new JsonObject();
        var id = 2;
        foreach (var symbol in ByteLevelAlphabet.Symbols) vocab[symbol] = id++;
        foreach (var (left, right) in merges)
            if (!vocab.ContainsKey(left + right)) vocab[left + right] = id++;
        JsonObject Special(int tokenId, string content) => new()
        {
            ["id"] = tokenId, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
            ["normalized"] = false, ["special"] = true,
        };
        var json = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(Special(0, Pad), Special(1, Eos)),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Digits", ["individual_digits"] = true },
                    new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true }),
            },
            ["post_processor"] = null,
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null, ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray(merges.Select(m => (JsonNode)new JsonArray(m.Left, m.Right)).ToArray()),
            },
        };
        return (json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n", id);
    }
}
