namespace SIaM.Tokenization.Pipeline;

/// <summary>A piece of a text segment; <see cref="AtTextStart"/> is true when it starts at offset 0 of the input.</summary>
internal readonly record struct Piece(string Text, bool AtTextStart);

/// <summary>A tokenizer.json pre-tokenizer: splits (and may rewrite) one piece into smaller pieces.</summary>
internal interface IPreTokenizer
{
    IEnumerable<Piece> Split(Piece piece);
}

/// <summary>Applies pre-tokenizers in order, each to every piece the previous one produced.</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> steps) : IPreTokenizer
{
    public IEnumerable<Piece> Split(Piece piece)
    {
        IEnumerable<Piece> pieces = [piece];
        foreach (var step in steps) pieces = pieces.SelectMany(step.Split).ToList();
        return pieces;
    }
}

/// <summary>GPT-2 byte-level pre-tokenizer: optional prefix space, optional GPT-2 regex split, then bytes → table chars.</summary>
internal sealed class ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex) : IPreTokenizer
{
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
    private static readonly SplitPreTokenizer Gpt2Split = new(new UnicodeRegex(Gpt2Pattern), SplitBehavior.Isolated, false);

    public IEnumerable<Piece> Split(Piece piece)
    {
        var text = addPrefixSpace && !piece.Text.StartsWith(' ') ? " " + piece.Text : piece.Text;
        var pieces = useRegex ? Gpt2Split.Split(piece with { Text = text }) : [piece with { Text = text }];
        return pieces.Select(p => p with { Text = ByteLevelAlphabet.Encode(p.Text) });
    }
}

/// <summary>Metaspace (newer Llama/Mistral files): spaces → replacement char, optional prefix, optional split before it.</summary>
internal sealed class MetaspacePreTokenizer(char replacement, string prependScheme, bool split) : IPreTokenizer
{
    private readonly SplitPreTokenizer _splitter = new(
        new UnicodeRegex(System.Text.RegularExpressions.Regex.Escape(replacement.ToString())), SplitBehavior.MergedWithNext, false);

    public IEnumerable<Piece> Split(Piece piece)
    {
        var text = piece.Text.Replace(' ', replacement);
        var prepend = prependScheme == "always" || (prependScheme == "first" && piece.AtTextStart);
        if (prepend && !text.StartsWith(replacement)) text = replacement + text;
        return split ? _splitter.Split(piece with { Text = text }) : [piece with { Text = text }];
    }
}
