using System.Text;
using Microsoft.ML.Tokenizers;

namespace SIaM.Tokenization.Pipeline;

/// <summary>Settings of a tokenizer.json BPE model that change encoding.</summary>
internal sealed record BpeSettings(int? UnknownId, bool FuseUnknown, bool ByteFallback, bool IgnoreMerges);

/// <summary>
/// tokenizer.json's BPE model over one pre-token. The merges run in Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>;
/// this class adds what that type lacks: <c>ignore_merges</c> (a whole pre-token in the vocabulary is one id) and
/// <c>byte_fallback</c> (a character outside the vocabulary becomes its UTF-8 <c>&lt;0xXX&gt;</c> tokens).
/// A character outside the vocabulary never takes part in a merge, so runs of known characters are merged separately.
/// </summary>
internal sealed class BpeModel
{
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly BpeSettings _settings;
    private readonly BpeTokenizer _merger;
    private readonly int[]? _byteIds;

    public BpeModel(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<string> merges, BpeSettings settings)
    {
        _vocabulary = vocabulary;
        _settings = settings;
        _merger = BpeTokenizer.Create(new BpeOptions(_vocabulary) { Merges = merges });
        var bytes = Enumerable.Range(0, 256).Select(b => _vocabulary.GetValueOrDefault($"<0x{b:X2}>", -1)).ToArray();
        _byteIds = _settings.ByteFallback && bytes.All(id => id >= 0) ? bytes : null;
    }

    /// <summary>Appends the ids of one pre-token.</summary>
    public void Encode(string word, List<int> output)
    {
        if (word.Length == 0) return;
        if (_settings.IgnoreMerges && _vocabulary.TryGetValue(word, out var whole)) { output.Add(whole); return; }
        var runStart = 0;
        var lastWasUnknown = false;
        for (var i = 0; i < word.Length; i++)
        {
            var width = char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]) ? 2 : 1;
            var symbol = word.Substring(i, width);
            if (_vocabulary.ContainsKey(symbol)) { i += width - 1; continue; }
            if (i > runStart) { Merge(word[runStart..i], output); lastWasUnknown = false; }
            lastWasUnknown = AppendUnknown(symbol, output, lastWasUnknown);
            i += width - 1;
            runStart = i + 1;
        }
        if (runStart < word.Length) Merge(word[runStart..], output);
    }

    private void Merge(string run, List<int> output) =>
        output.AddRange(_merger.EncodeToIds(run, considerPreTokenization: false, considerNormalization: false));

    private bool AppendUnknown(string symbol, List<int> output, bool lastWasUnknown)
    {
        if (_byteIds is not null)
        {
            foreach (var b in Encoding.UTF8.GetBytes(symbol)) output.Add(_byteIds[b]);
            return false;
        }
        if (_settings.UnknownId is not { } unk) return lastWasUnknown;
        if (!(_settings.FuseUnknown && lastWasUnknown)) output.Add(unk);
        return true;
    }
}
