using SIaM.Perf.Decode;
using SIaM.TorchSharp.Models;

namespace SIaM.TorchSharp.Tests;

public sealed class DecodeBenchmarkTests
{
    [Test]
    public void A_measurement_times_exactly_the_requested_decode_steps()
    {
        // Arrange
        using var lm = CausalLm.Create(CausalLmConfig.Llama(vocabSize: 64, hiddenSize: 16, intermediateSize: 32, layers: 1, heads: 2, kvHeads: 1));
        lm.InitializeRandom(seed: 1);

        // Act
        var m = DecodeBenchmark.Measure("toy", lm, batch: 2, context: 8, kvCache: true, newTokens: 3);

        // Assert
        Assert.That((m.Batch, m.Context, m.NewTokens, m.KvCache), Is.EqualTo((2, 8, 3, true)));
        Assert.That(m.DecodeMs, Is.GreaterThan(0));
        Assert.That(m.TokensPerSecond, Is.EqualTo(6 / (m.DecodeMs / 1000)).Within(1e-9));
    }

    [Test]
    public void The_continuous_batching_comparison_decodes_the_same_requests_to_the_same_tokens_in_both_arms()
    {
        // Arrange
        using var lm = CausalLm.Create(CausalLmConfig.Llama(vocabSize: 64, hiddenSize: 16, intermediateSize: 32, layers: 1, heads: 2, kvHeads: 1));
        lm.InitializeRandom(seed: 1);

        // Act
        var (old, continuous, identical) = ContinuousBatchingBenchmark.Measure("toy", lm, requests: 6, batch: 2);

        // Assert
        Assert.That((old.Mode, continuous.Mode), Is.EqualTo((ContinuousBatchingBenchmark.BatchAtATime, ContinuousBatchingBenchmark.Continuous)));
        Assert.That(identical, Is.EqualTo(6));
        Assert.That(continuous.Tokens, Is.EqualTo(old.Tokens).And.GreaterThanOrEqualTo(6 * 4));
        Assert.That(continuous.MeanLatencyMs, Is.LessThanOrEqualTo(continuous.WallMs));
    }
}
