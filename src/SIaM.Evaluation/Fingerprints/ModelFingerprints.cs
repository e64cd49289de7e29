using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Fingerprints;

/// <summary>Fingerprints of the model kinds whose content is on this machine (<c>hf:</c>, <c>replay:</c>).</summary>
public static class ModelFingerprints
{
    /// <summary>The files of a Hugging Face checkpoint that decide its outputs: config, tokenizer and weights.</summary>
    private static readonly string[] HfFiles =
    [
        "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
        "added_tokens.json", "vocab.json", "merges.txt", "tokenizer.model", "model.safetensors", "model.safetensors.index.json",
    ];

    /// <summary>
    /// <c>hf:DIR[#options]</c>: the sha256 of each config, tokenizer and weight file (shards named by
    /// <c>model.safetensors.index.json</c> included) and the sha256 over those lines, <c>name sha256</c>, in name order.
    /// </summary>
    public static ModelFingerprint Hf(string spec, string argument, FileHashCache cache)
    {
        var directory = argument.Split('#')[0];
        if (!Directory.Exists(directory)) throw new InputException($"model spec {spec}: no such directory {directory}");
        var names = HfFiles.Where(n => File.Exists(Path.Combine(directory, n))).Concat(Shards(directory))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (!names.Contains("config.json")) throw new InputException($"model spec {spec}: {directory} has no config.json");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names) files[name] = cache.Sha256(Path.Combine(directory, name));
        var content = Sha256.Hex(string.Concat(files.Select(f => $"{f.Key} {f.Value}\n")));
        return new ModelFingerprint(spec, content, files);
    }

    /// <summary><c>replay:FILE</c>: the file's sha256.</summary>
    public static ModelFingerprint Replay(string spec, string file, FileHashCache cache)
    {
        if (!File.Exists(file)) throw new InputException($"replay file not found: {file}");
        return new ModelFingerprint(spec, cache.Sha256(file), new SortedDictionary<string, string>(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Shards(string directory)
    {
        var index = Path.Combine(directory, "model.safetensors.index.json");
        if (!File.Exists(index)) return [];
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(index));
            return document.RootElement.GetProperty("weight_map").EnumerateObject().Select(p => p.Value.GetString()!).Distinct().ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException($"{index}: not a safetensors index ({e.Message})");
        }
    }
}
