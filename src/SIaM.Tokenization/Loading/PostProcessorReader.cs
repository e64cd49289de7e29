using System.Text.Json;

namespace SIaM.Tokenization.Loading;

/// <summary>Reads the ids a post-processor puts around a single sequence (e.g. Llama's BOS before it).</summary>
internal static class PostProcessorReader
{
    public static (List<int> Prefix, List<int> Suffix) Single(string path, JsonElement? processor, IReadOnlyDictionary<string, int> lookup)
    {
        var prefix = new List<int>();
        var suffix = new List<int>();
        if (processor is { } p) Add(path, p, lookup, prefix, suffix);
        return (prefix, suffix);
    }

    private static void Add(string path, JsonElement p, IReadOnlyDictionary<string, int> lookup, List<int> prefix, List<int> suffix)
    {
        switch (p.Type())
        {
            case "ByteLevel":
                return; // only adjusts offsets
            case "Sequence":
                foreach (var inner in p.GetProperty("processors").EnumerateArray()) Add(path, inner, lookup, prefix, suffix);
                return;
            case "TemplateProcessing":
                var seenSequence = false;
                foreach (var item in p.GetProperty("single").EnumerateArray())
                {
                    if (item.Child("Sequence") is not null) { seenSequence = true; continue; }
                    var name = item.GetProperty("SpecialToken").GetProperty("id").GetString()!;
                    (seenSequence ? suffix : prefix).AddRange(SpecialIds(path, p, name, lookup));
                }
                return;
            case "RobertaProcessing" or "BertProcessing":
                prefix.Add(p.GetProperty("cls")[1].GetInt32());
                suffix.Add(p.GetProperty("sep")[1].GetInt32());
                return;
            default:
                throw Unsupported.Feature(path, "post_processor", p.Type(), "ByteLevel, Sequence, TemplateProcessing, RobertaProcessing, BertProcessing");
        }
    }

    private static IEnumerable<int> SpecialIds(string path, JsonElement p, string name, IReadOnlyDictionary<string, int> lookup)
    {
        if (p.Child("special_tokens")?.Child(name)?.Child("ids") is { } ids) return ids.EnumerateArray().Select(x => x.GetInt32()).ToList();
        return lookup.TryGetValue(name, out var id)
            ? [id]
            : throw new SIaM.Core.InputException($"{path}: post_processor token '{name}' is not in the vocabulary");
    }
}
