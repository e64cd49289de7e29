using static TorchSharp.torch;

namespace SIaM.TorchSharp.Models;

/// <summary>Builds causal attention masks and position ids for left-padded batches.</summary>
internal static class AttentionMask
{
    /// <summary>
    /// keyValid (B, L) bool marks real tokens among all L keys; the queries are the last <paramref name="queries"/> keys.
    /// Returns (B, 1, T, L) bool: causal, real keys only, and within the sliding window when there is one.
    /// </summary>
    public static Tensor Build(Tensor keyValid, long queries, int? slidingWindow)
    {
        using var scope = NewDisposeScope();
        var length = keyValid.shape[1];
        var keyIndex = arange(length, device: keyValid.device).view(1, 1, 1, length);
        var queryIndex = arange(length - queries, length, device: keyValid.device).view(1, 1, queries, 1);
        var allowed = keyIndex.le(queryIndex);
        if (slidingWindow is { } window) allowed = allowed.logical_and((queryIndex - keyIndex).lt(window));
        return allowed.logical_and(keyValid.view(keyValid.shape[0], 1, 1, length)).MoveToOuterDisposeScope();
    }

    /// <summary>Position ids (B, T) of the last <paramref name="queries"/> keys: real tokens count from 0, padding gets 0.</summary>
    public static Tensor Positions(Tensor keyValid, long queries)
    {
        using var scope = NewDisposeScope();
        var positions = keyValid.to_type(ScalarType.Int64).cumsum(-1) - 1;
        return positions.clamp_min(0).narrow(1, keyValid.shape[1] - queries, queries).MoveToOuterDisposeScope();
    }
}
