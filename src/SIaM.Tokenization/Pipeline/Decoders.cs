using System.Text;

namespace SIaM.Tokenization.Pipeline;

/// <summary>A tokenizer.json decoder: maps the token strings of a sequence to new strings (tokenizers' decode_chain).</summary>
internal interface ITokenDecoder
{
    List<string> Decode(List<string> tokens);
}

/// <summary>Byte-level: table chars → bytes → UTF-8 (invalid bytes become U+FFFD).</summary>
internal sealed class ByteLevelDecoder : ITokenDecoder
{
    public List<string> Decode(List<string> tokens)
    {
        var bytes = new List<byte>();
        foreach (var token in tokens) ByteLevelAlphabet.AppendBytes(token, bytes);
        return [Encoding.UTF8.GetString(bytes.ToArray())];
    }
}

/// <summary>Replaces a literal in every token (Llama-2's "▁" → " ").</summary>
internal sealed class ReplaceDecoder(string pattern, string content) : ITokenDecoder
{
    public List<string> Decode(List<string> tokens) => tokens.Select(t => t.Replace(pattern, content, StringComparison.Ordinal)).ToList();
}

/// <summary>Turns runs of &lt;0xXX&gt; tokens into text; an invalid run gives one U+FFFD per byte, as tokenizers does.</summary>
internal sealed class ByteFallbackDecoder : ITokenDecoder
{
    private static readonly UTF8Encoding Strict = new(false, true);

    public List<string> Decode(List<string> tokens)
    {
        var result = new List<string>();
        var pending = new List<byte>();
        foreach (var token in tokens)
        {
            if (token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>' &&
                byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                pending.Add(b);
                continue;
            }
            Flush(pending, result);
            result.Add(token);
        }
        Flush(pending, result);
        return result;
    }

    private static void Flush(List<byte> pending, List<string> result)
    {
        if (pending.Count == 0) return;
        try { result.Add(Strict.GetString(pending.ToArray())); }
        catch (DecoderFallbackException) { result.AddRange(Enumerable.Repeat("\uFFFD", pending.Count)); }
        pending.Clear();
    }
}

/// <summary>Joins all tokens into one string.</summary>
internal sealed class FuseDecoder : ITokenDecoder
{
    public List<string> Decode(List<string> tokens) => [string.Concat(tokens)];
}

/// <summary>Removes up to <c>start</c> leading and <c>stop</c> trailing <c>content</c> chars from each token.</summary>
internal sealed class StripDecoder(char content, int start, int stop) : ITokenDecoder
{
    public List<string> Decode(List<string> tokens) => tokens.Select(Strip).ToList();

    private string Strip(string token)
    {
        var from = 0;
        while (from < start && from < token.Length && token[from] == content) from++;
        var to = token.Length;
        while (token.Length - to < stop && to > from && token[to - 1] == content) to--;
        return token[from..to];
    }
}

/// <summary>Metaspace: replacement char → space; the first token loses the space its prefix added.</summary>
internal sealed class MetaspaceDecoder(char replacement, bool stripsFirst) : ITokenDecoder
{
    public List<string> Decode(List<string> tokens) => tokens.Select((t, i) =>
    {
        var text = t.Replace(replacement, ' ');
        return i == 0 && stripsFirst && text.StartsWith(' ') ? text[1..] : text;
    }).ToList();
}

/// <summary>Applies decoders in order.</summary>
internal sealed class SequenceDecoder(IReadOnlyList<ITokenDecoder> steps) : ITokenDecoder
{
    public List<string> Decode(List<string> tokens) => steps.Aggregate(tokens, (current, step) => step.Decode(current));
}
