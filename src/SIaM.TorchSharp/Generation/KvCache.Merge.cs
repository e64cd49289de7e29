using static TorchSharp.torch;

namespace SIaM.TorchSharp.Generation;

public sealed partial class KvCache
{
    /// <summary>
    /// A new cache of <paramref name="length"/> filled slots and room for <paramref name="capacity"/>: the chosen rows of
    /// each part, in order, each row's slots right-aligned at <paramref name="length"/>. A part's last
    /// min(its length, <paramref name="length"/>) slots are copied; the slots before them are zeroed, so a left-padded row
    /// stays a left-padded row. Slots from <paramref name="length"/> on are left unset: every step writes its slot before
    /// reading it. Rows whose real tokens are more than <paramref name="length"/> would lose keys: callers pass a length at
    /// least the longest row's count of real tokens.
    /// </summary>
    public static KvCache Merge(IReadOnlyList<(KvCache Cache, long[] Rows)> parts, long length, long capacity)
    {
        var used = parts.Where(p => p.Rows.Length > 0).ToList();
        if (used.Count == 0) throw new ArgumentException("a merged cache needs at least one row");
        if (capacity < length) throw new ArgumentException($"capacity {capacity} is below the length {length}");
        var first = used[0].Cache;
        var rows = used.Sum(p => p.Rows.LongLength);
        var layers = first._keys.Length;
        var keys = new Tensor[layers];
        var values = new Tensor[layers];
        for (var layer = 0; layer < layers; layer++)
        {
            keys[layer] = Gather(used, length, capacity, rows, p => p._keys[layer]);
            values[layer] = Gather(used, length, capacity, rows, p => p._values[layer]);
        }
        return new KvCache(keys, values, length);
    }

    private static Tensor Gather(List<(KvCache Cache, long[] Rows)> parts, long length, long capacity, long rows, Func<KvCache, Tensor> slots)
    {
        var like = slots(parts[0].Cache);
        var merged = empty([rows, like.shape[1], capacity, like.shape[3]], like.dtype, like.device);
        long row = 0;
        foreach (var (cache, chosen) in parts)
        {
            using var scope = NewDisposeScope();
            var copied = Math.Min(cache.Length, length);
            var target = merged.narrow(0, row, chosen.Length);
            if (copied < length) target.narrow(2, 0, length - copied).zero_();
            var index = tensor(chosen, device: like.device);
            target.narrow(2, length - copied, copied).copy_(slots(cache).narrow(2, cache.Length - copied, copied).index_select(0, index));
            row += chosen.Length;
        }
        return merged;
    }
}
