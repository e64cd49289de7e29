namespace SIaM.Training.Trainers;

/// <summary>
/// The stream of example indices a run consumes: epoch e is a permutation drawn from (seed, e), so position p of the
/// stream is known without replaying the run — which is what lets a resumed run see the same batches.
/// </summary>
public sealed class ExampleOrder(int count, int seed)
{
    private readonly Dictionary<long, int[]> _epochs = new();

    /// <summary>The <paramref name="size"/> indices starting at stream position <paramref name="start"/>.</summary>
    public IReadOnlyList<int> Take(long start, int size)
    {
        var result = new int[size];
        for (var i = 0; i < size; i++)
        {
            var position = start + i;
            result[i] = Epoch(position / count)[position % count];
        }
        return result;
    }

    private int[] Epoch(long epoch)
    {
        if (_epochs.TryGetValue(epoch, out var cached)) return cached;
        var permutation = Enumerable.Range(0, count).ToArray();
        new Random(unchecked(seed * 1_000_003 + (int)epoch)).Shuffle(permutation);
        _epochs.Clear();
        return _epochs[epoch] = permutation;
    }
}
