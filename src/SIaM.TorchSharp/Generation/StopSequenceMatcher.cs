namespace SIaM.TorchSharp.Generation;

/// <summary>Finds stop sequences in generated text; the text returned ends before the first one.</summary>
public sealed class StopSequenceMatcher(IReadOnlyList<string> stops, Func<IEnumerable<int>, string> decode)
{
    // Enough trailing tokens to contain any stop sequence (each token decodes to at least one character, mostly).
    private readonly int _window = stops.Count == 0 ? 0 : stops.Max(s => s.Length) + 8;

    /// <summary>True when the decoded tail of <paramref name="tokens"/> contains a stop sequence.</summary>
    public bool EndsGeneration(IReadOnlyList<int> tokens)
    {
        if (stops.Count == 0) return false;
        var tail = decode(tokens.Skip(Math.Max(0, tokens.Count - _window)));
        return stops.Any(s => s.Length > 0 && tail.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>The text before the earliest stop sequence, and whether one was found.</summary>
    public TruncatedText Truncate(string text)
    {
        var cut = stops.Where(s => s.Length > 0).Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0)
            .DefaultIfEmpty(-1).Min();
        return cut < 0 ? new TruncatedText(text, false) : new TruncatedText(text[..cut], true);
    }
}
