using System.Buffers.Binary;
using NUnit.Framework;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

public sealed class FrameCodecTests
{
    [Test]
    public void A_frame_split_across_reads_decodes_once_complete()
    {
        // Arrange
        var frame = FrameCodec.Encode(new WorkerReply(7, "ok", 0, "中文\n", "", 1.5, false));
        var buffer = new FrameBuffer();

        // Act
        Append(buffer, frame.AsSpan(0, 6));
        var early = FrameCodec.TryDecode<WorkerReply>(buffer, out _);
        Append(buffer, frame.AsSpan(6));
        var complete = FrameCodec.TryDecode<WorkerReply>(buffer, out var reply);

        // Assert
        Assert.That(early, Is.False);
        Assert.That(complete, Is.True);
        Assert.That(reply, Is.EqualTo(new WorkerReply(7, "ok", 0, "中文\n", "", 1.5, false)));
        Assert.That(buffer.Count, Is.Zero);
    }

    [Test]
    public void Two_frames_in_one_read_decode_in_order()
    {
        // Arrange
        var buffer = new FrameBuffer();
        Append(buffer, [
            .. FrameCodec.Encode(new WorkerReply(1, "ok", 0, "a", "", 0, false)),
            .. FrameCodec.Encode(new WorkerReply(2, "error", 1, "", "b", 0, true)),
        ]);

        // Act
        FrameCodec.TryDecode<WorkerReply>(buffer, out var first);
        FrameCodec.TryDecode<WorkerReply>(buffer, out var second);

        // Assert
        Assert.That((first!.Id, second!.Id, second.Truncated), Is.EqualTo((1L, 2L, true)));
    }

    [Test]
    public void An_absurd_frame_length_is_a_protocol_failure()
    {
        // Arrange
        var buffer = new FrameBuffer();
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, int.MaxValue);
        Append(buffer, header);

        // Act / Assert
        Assert.Throws<WorkerFailedException>(() => FrameCodec.TryDecode<WorkerReply>(buffer, out _));
    }

    [Test]
    public void A_large_frame_grows_the_buffer()
    {
        // Arrange
        var big = new string('x', 300_000);
        var frame = FrameCodec.Encode(new WorkerReply(3, "ok", 0, big, "", 0, false));
        var buffer = new FrameBuffer();

        // Act
        for (var offset = 0; offset < frame.Length; offset += 10_000) Append(buffer, frame.AsSpan(offset, Math.Min(10_000, frame.Length - offset)));
        FrameCodec.TryDecode<WorkerReply>(buffer, out var reply);

        // Assert
        Assert.That(reply!.Stdout, Is.EqualTo(big));
    }

    private static void Append(FrameBuffer buffer, ReadOnlySpan<byte> bytes)
    {
        var space = buffer.Reserve(bytes.Length);
        bytes.CopyTo(space.AsSpan());
        buffer.Commit(bytes.Length);
    }
}
