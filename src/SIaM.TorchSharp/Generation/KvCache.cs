using static TorchSharp.torch;

namespace SIaM.TorchSharp.Generation;

/// <summary>
/// Preallocated key/value cache: per layer two tensors (B, kvHeads, capacity, headDim). Every row has the same length
/// because prompts are left-padded, so one <see cref="Length"/> serves the batch.
/// </summary>
public sealed partial class KvCache : IDisposable
{
    private readonly Tensor[] _keys;
    private readonly Tensor[] _values;

    public KvCache(int layers, long batch, long kvHeads, long capacity, long headDim, ScalarType dtype, Device device)
    {
        Capacity = capacity;
        _keys = Enumerable.Range(0, layers).Select(_ => zeros([batch, kvHeads, capacity, headDim], dtype, device)).ToArray();
        _values = Enumerable.Range(0, layers).Select(_ => zeros([batch, kvHeads, capacity, headDim], dtype, device)).ToArray();
    }

    private KvCache(Tensor[] keys, Tensor[] values, long length)
    {
        _keys = keys;
        _values = values;
        Capacity = keys[0].shape[2];
        Length = length;
    }

    /// <summary>Slots filled so far (the index of the next query position).</summary>
    public long Length { get; private set; }

    /// <summary>Slots available in total.</summary>
    public long Capacity { get; }

    /// <summary>Writes k, v (B, kvHeads, T, D) after the filled slots and returns views of everything so far.</summary>
    public KeyValue Append(int layer, Tensor key, Tensor value)
    {
        var t = key.shape[2];
        if (Length + t > Capacity) throw new InvalidOperationException($"KV cache full: {Length} + {t} > {Capacity}");
        using (var keySlot = _keys[layer].narrow(2, Length, t)) keySlot.copy_(key);
        using (var valueSlot = _values[layer].narrow(2, Length, t)) valueSlot.copy_(value);
        return new KeyValue(_keys[layer].narrow(2, 0, Length + t), _values[layer].narrow(2, 0, Length + t));
    }

    /// <summary>Marks <paramref name="tokens"/> more slots as filled; called once per forward pass, after all layers.</summary>
    public void Advance(long tokens) => Length += tokens;

    public void Dispose()
    {
        foreach (var t in _keys) t.Dispose();
        foreach (var t in _values) t.Dispose();
    }
}

/// <summary>Keys and values (B, kvHeads, L, D) to attend over.</summary>
public sealed record KeyValue(Tensor Key, Tensor Value)
{
    public void Deconstruct(out Tensor key, out Tensor value) => (key, value) = (Key, Value);
}
