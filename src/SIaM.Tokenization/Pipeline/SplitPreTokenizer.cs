namespace SIaM.Tokenization.Pipeline;

/// <summary>How a split keeps its matches (tokenizers' SplitDelimiterBehavior).</summary>
internal enum SplitBehavior { Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous }

/// <summary>The Split pre-tokenizer: cuts a piece at the matches of a pattern (or, inverted, at the gaps).</summary>
internal sealed class SplitPreTokenizer(UnicodeRegex pattern, SplitBehavior behavior, bool invert) : IPreTokenizer
{
    public IEnumerable<Piece> Split(Piece piece)
    {
        var text = piece.Text;
        // Each part: (start, end, isMatch); with invert the gaps play the role of the matches.
        var parts = new List<(int Start, int End, bool IsMatch)>();
        var last = 0;
        foreach (var (start, length) in pattern.Matches(text))
        {
            if (start > last) parts.Add((last, start, invert));
            parts.Add((start, start + length, !invert));
            last = start + length;
        }
        if (last < text.Length) parts.Add((last, text.Length, invert));

        var kept = behavior switch
        {
            SplitBehavior.Isolated => parts.Select(p => (p.Start, p.End)).ToList(),
            SplitBehavior.Removed => parts.Where(p => !p.IsMatch).Select(p => (p.Start, p.End)).ToList(),
            SplitBehavior.MergedWithPrevious => MergeIntoNeighbour(parts),
            SplitBehavior.MergedWithNext => Reversed(MergeIntoNeighbour(Reversed(parts))),
            _ => Contiguous(parts),
        };
        return kept.Select(p => new Piece(text[p.Start..p.End], piece.AtTextStart && p.Start == 0));
    }

    // A match joins the neighbour already emitted, unless that neighbour was itself a match (as in tokenizers).
    private static List<(int Start, int End)> MergeIntoNeighbour(List<(int Start, int End, bool IsMatch)> parts)
    {
        var result = new List<(int Start, int End)>();
        var previousMatch = false;
        foreach (var (start, end, isMatch) in parts)
        {
            if (isMatch && !previousMatch && result.Count > 0)
                result[^1] = (Math.Min(result[^1].Start, start), Math.Max(result[^1].End, end));
            else result.Add((start, end));
            previousMatch = isMatch;
        }
        return result;
    }

    private static List<(int Start, int End)> Contiguous(List<(int Start, int End, bool IsMatch)> parts)
    {
        var result = new List<(int Start, int End)>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].IsMatch && i > 0 && parts[i - 1].IsMatch) result[^1] = (result[^1].Start, parts[i].End);
            else result.Add((parts[i].Start, parts[i].End));
        }
        return result;
    }

    private static List<T> Reversed<T>(List<T> list) => Enumerable.Reverse(list).ToList();
}
