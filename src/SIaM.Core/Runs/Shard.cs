using System.Globalization;

namespace SIaM.Core.Runs;

/// <summary>
/// One slice of a run, <c>I/N</c> (1 ≤ I ≤ N). The problems of a run, in canonical order (benchmarks in run order, each
/// benchmark's problems in file order, after <c>--limit</c>), are numbered 0, 1, 2, … across all benchmarks; problem
/// number p belongs to shard <c>(p mod N) + 1</c>, with all of its samples. So for any N every (problem, sample) lands
/// in exactly one shard, and the shards of a benchmark differ in size by at most one problem.
/// </summary>
/// <param name="Index">The shard's number, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the run is cut into.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>True when problem number <paramref name="position"/> (0-based, over the whole run) belongs to this shard.</summary>
    public bool Owns(int position) => OwnerOf(position, Count) == Index;

    /// <summary>The shard number (1-based) that owns problem number <paramref name="position"/> when cut into <paramref name="count"/>.</summary>
    public static int OwnerOf(int position, int count) => position % count + 1;

    /// <summary>
    /// Parses <c>I/N</c>: two decimal integers with 1 ≤ I ≤ N. Anything else is an <see cref="InputException"/> that
    /// quotes the text and says what is expected.
    /// </summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && Integer(parts[0]) is { } index && Integer(parts[1]) is { } count)
        {
            if (count < 1) throw new InputException($"'{text}': the shard count N must be at least 1");
            if (index < 1 || index > count) throw new InputException($"'{text}': the shard index I must be from 1 to {count} (shards are numbered from 1)");
            return new Shard(index, count);
        }
        throw new InputException($"'{text}' is not a shard: write I/N with whole numbers 1 ≤ I ≤ N, e.g. 2/4");
    }

    /// <summary><c>I/N</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";

    private static int? Integer(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
