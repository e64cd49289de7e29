namespace SIaM.Tokenization.Pipeline;

/// <summary>The parts of one tokenizer.json, in the order Hugging Face tokenizers applies them.</summary>
internal sealed record TokenizerParts(
    IReadOnlyList<AddedToken> AddedTokens,
    ITextNormalizer? Normalizer,
    IPreTokenizer? PreTokenizer,
    BpeModel Model,
    IReadOnlyDictionary<int, string> ModelTokens,
    ITokenDecoder? Decoder,
    IReadOnlyList<int> SinglePrefix,
    IReadOnlyList<int> SingleSuffix);

/// <summary>Encode: added tokens → normalizer → pre-tokenizer → BPE → post-processor. Decode: ids → tokens → decoder.</summary>
internal sealed class TokenizerPipeline
{
    private readonly TokenizerParts _parts;
    private readonly AddedTokenSplitter _rawTokens;
    private readonly AddedTokenSplitter _normalizedTokens;
    private readonly Dictionary<int, AddedToken> _addedById;

    public TokenizerPipeline(TokenizerParts parts)
    {
        _parts = parts;
        _rawTokens = new AddedTokenSplitter(_parts.AddedTokens.Where(t => !t.Normalized));
        _normalizedTokens = new AddedTokenSplitter(_parts.AddedTokens.Where(t => t.Normalized));
        _addedById = _parts.AddedTokens.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>The id of an added token or vocabulary entry with exactly this content, if any.</summary>
    public int? IdOf(string token, IReadOnlyDictionary<string, int> vocabulary) =>
        _parts.AddedTokens.LastOrDefault(t => t.Content == token)?.Id ?? (vocabulary.TryGetValue(token, out var id) ? id : null);

    public bool IsSpecial(int id) => _addedById.TryGetValue(id, out var t) && t.Special;

    public List<int> Encode(string text, bool addSpecialTokens)
    {
        var ids = new List<int>();
        if (addSpecialTokens) ids.AddRange(_parts.SinglePrefix);
        foreach (var segment in _rawTokens.Split(text, true))
        {
            if (segment.TokenId is { } id) { ids.Add(id); continue; }
            var normalized = _parts.Normalizer?.Normalize(segment.Text) ?? segment.Text;
            foreach (var inner in _normalizedTokens.Split(normalized, segment.AtTextStart))
            {
                if (inner.TokenId is { } innerId) { ids.Add(innerId); continue; }
                var pieces = _parts.PreTokenizer?.Split(new Piece(inner.Text, inner.AtTextStart)) ?? [new Piece(inner.Text, inner.AtTextStart)];
                foreach (var piece in pieces) _parts.Model.Encode(piece.Text, ids);
            }
        }
        if (addSpecialTokens) ids.AddRange(_parts.SingleSuffix);
        return ids;
    }

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens)
    {
        var tokens = new List<string>();
        foreach (var id in ids)
        {
            if (_addedById.TryGetValue(id, out var added))
            {
                if (!(skipSpecialTokens && added.Special)) tokens.Add(added.Content);
            }
            else if (_parts.ModelTokens.TryGetValue(id, out var token)) tokens.Add(token);
        }
        return _parts.Decoder is { } decoder ? string.Concat(decoder.Decode(tokens)) : string.Join(' ', tokens);
    }
}
