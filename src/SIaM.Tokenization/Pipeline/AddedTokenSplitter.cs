namespace SIaM.Tokenization.Pipeline;

/// <summary>
/// Cuts text at added tokens, leftmost-longest first, honouring <c>lstrip</c> / <c>rstrip</c> (the token absorbs the
/// whitespace beside it) and <c>single_word</c> (it must not touch a word character), as Hugging Face tokenizers does.
/// </summary>
internal sealed class AddedTokenSplitter
{
    private readonly Dictionary<char, AddedToken[]> _byFirstChar;

    public AddedTokenSplitter(IEnumerable<AddedToken> tokens) =>
        _byFirstChar = tokens.Where(t => t.Content.Length > 0)
            .GroupBy(t => t.Content[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Content.Length).ToArray());

    /// <summary>True when no added token can match.</summary>
    public bool IsEmpty => _byFirstChar.Count == 0;

    public IEnumerable<Segment> Split(string text, bool atTextStart)
    {
        var textStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!_byFirstChar.TryGetValue(text[i], out var candidates)) continue;
            var token = candidates.FirstOrDefault(t => string.CompareOrdinal(text, i, t.Content, 0, t.Content.Length) == 0);
            if (token is null || (token.SingleWord && !IsSingleWord(text, i, token.Content.Length))) continue;
            var start = i;
            var end = i + token.Content.Length;
            if (token.LeftStrip) while (start > textStart && char.IsWhiteSpace(text[start - 1])) start--;
            if (token.RightStrip) while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
            if (start > textStart) yield return new Segment(null, text[textStart..start], atTextStart && textStart == 0);
            yield return new Segment(token.Id, token.Content, false);
            textStart = end;
            i = end - 1;
        }
        if (textStart < text.Length) yield return new Segment(null, text[textStart..], atTextStart && textStart == 0);
    }

    private static bool IsSingleWord(string text, int start, int length)
    {
        var end = start + length;
        return (start == 0 || !IsWordChar(text[start - 1])) && (end == text.Length || !IsWordChar(text[end]));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
