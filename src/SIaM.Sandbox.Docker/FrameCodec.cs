using System.Buffers.Binary;
using System.Text.Json;

namespace SIaM.Sandbox.Docker;

/// <summary>The worker protocol framing: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.</summary>
internal static class FrameCodec
{
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    public static byte[] Encode<T>(T message)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>Takes one complete frame from the front of <paramref name="buffer"/>, if there is one.</summary>
    public static bool TryDecode<T>(FrameBuffer buffer, out T? message)
    {
        message = default;
        if (buffer.Count < 4) return false;
        var length = BinaryPrimitives.ReadInt32BigEndian(buffer.Span[..4]);
        if (length < 0 || length > MaxFrameBytes)
            throw new WorkerFailedException($"worker sent a frame of {length} bytes: protocol broken");
        if (buffer.Count < 4 + length) return false;
        try
        {
            message = JsonSerializer.Deserialize<T>(buffer.Span.Slice(4, length));
        }
        catch (JsonException e)
        {
            throw new WorkerFailedException("worker sent malformed JSON: protocol broken", e);
        }
        buffer.Consume(4 + length);
        return message is not null;
    }
}
