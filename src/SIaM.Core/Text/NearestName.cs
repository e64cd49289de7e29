namespace SIaM.Core.Text;

/// <summary>The known name closest to a mistyped one (Levenshtein distance, ties to the first in ordinal order).</summary>
public static class NearestName
{
    /// <summary>The name in <paramref name="names"/> with the fewest single-character edits from <paramref name="input"/>; null when there is none.</summary>
    public static string? Of(string input, IEnumerable<string> names) =>
        names.Order(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(input.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions, each costing one.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
