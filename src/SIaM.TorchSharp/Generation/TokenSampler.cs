using static TorchSharp.torch;
using RandomGenerator = global::TorchSharp.torch.Generator;

namespace SIaM.TorchSharp.Generation;

/// <summary>Picks one token from a row of float32 logits (V): argmax, or temperature / top-k / top-p sampling.</summary>
internal static class TokenSampler
{
    public static int Pick(Tensor logits, SamplingOptions options, RandomGenerator? generator)
    {
        using var scope = NewDisposeScope();
        if (options.IsGreedy) return (int)logits.argmax().item<long>();
        var scaled = logits / options.Temperature;
        if (options.TopK > 0 && options.TopK < scaled.shape[0])
        {
            var kth = scaled.topk(options.TopK).values[options.TopK - 1];
            scaled = scaled.masked_fill(scaled.lt(kth), float.NegativeInfinity);
        }
        if (options.TopP < 1)
        {
            var (sorted, order) = scaled.sort(descending: true);
            var cumulative = sorted.softmax(-1).cumsum(-1);
            // Drop a token once the mass before it already reaches top_p; the most likely token always stays.
            var drop = (cumulative - sorted.softmax(-1)).ge(options.TopP);
            var dropInOriginalOrder = zeros_like(drop).scatter(0, order, drop);
            scaled = scaled.masked_fill(dropInOriginalOrder, float.NegativeInfinity);
        }
        var probabilities = scaled.softmax(-1);
        return (int)multinomial(probabilities, 1, generator: generator).item<long>();
    }
}
