namespace SIaM.Sandbox.Docker;

/// <summary>A growable byte buffer that bytes are appended to at the end and consumed from the front.</summary>
internal sealed class FrameBuffer
{
    private byte[] _bytes = new byte[64 * 1024];
    private int _start;
    private int _end;

    public int Count => _end - _start;

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(_start, Count);

    /// <summary>Free space at the end, at least <paramref name="minimum"/> bytes, for the next read.</summary>
    public ArraySegment<byte> Reserve(int minimum)
    {
        if (_bytes.Length - _end < minimum)
        {
            var size = Math.Max(_bytes.Length, Count + minimum);
            var target = Count + minimum > _bytes.Length ? new byte[size * 2] : _bytes;
            Buffer.BlockCopy(_bytes, _start, target, 0, Count);
            (_end, _start, _bytes) = (Count, 0, target);
        }
        return new ArraySegment<byte>(_bytes, _end, _bytes.Length - _end);
    }

    public void Commit(int count) => _end += count;

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end) _start = _end = 0;
    }
}
