using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

public sealed class AttentionMaskTests
{
    private static bool[] Row(Tensor mask, int batch, int query) =>
        mask[batch, 0, query].data<bool>().ToArray();

    [Test]
    public void Left_padding_is_never_attended_and_positions_start_at_the_first_real_token()
    {
        // Arrange: row 0 has two pads
        using var valid = tensor(new[,] { { false, false, true, true }, { true, true, true, true } });

        // Act
        using var mask = AttentionMask.Build(valid, queries: 4, slidingWindow: null);
        using var positions = AttentionMask.Positions(valid, queries: 4);

        // Assert
        Assert.That(Row(mask, 0, 3), Is.EqualTo(new[] { false, false, true, true }));
        Assert.That(Row(mask, 1, 2), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(positions.data<long>().ToArray(), Is.EqualTo(new long[] { 0, 0, 0, 1, 0, 1, 2, 3 }));
    }

    [Test]
    public void A_sliding_window_limits_each_query_to_its_last_keys()
    {
        // Arrange
        using var valid = ones(1, 5, ScalarType.Bool);

        // Act: the last query of a decode step (one query over five keys) with a window of 2
        using var mask = AttentionMask.Build(valid, queries: 1, slidingWindow: 2);

        // Assert
        Assert.That(Row(mask, 0, 0), Is.EqualTo(new[] { false, false, false, true, true }));
    }
}
