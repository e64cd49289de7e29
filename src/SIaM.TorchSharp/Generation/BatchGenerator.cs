using SIaM.TorchSharp.Models;
using static TorchSharp.torch;
using RandomGenerator = global::TorchSharp.torch.Generator;

namespace SIaM.TorchSharp.Generation;

/// <summary>
/// Batched autoregressive generation outside the model: prompts are left-padded into one batch, decoded with a KV cache
/// (or by full recompute), and each sequence stops on EOS, its stop condition or the token limit.
/// </summary>
public sealed class BatchGenerator(CausalLm lm)
{
    /// <summary>Generates continuations for each prompt (token ids), in order.</summary>
    public IReadOnlyList<GeneratedSequence> Generate(
        IReadOnlyList<IReadOnlyList<int>> prompts, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        if (prompts.Count == 0) return [];
        if (prompts.Any(p => p.Count == 0)) throw new ArgumentException("every prompt needs at least one token");
        var sampling = options.Sampling ?? SamplingOptions.Greedy;
        var eos = options.EosTokenIds ?? [];
        int batch = prompts.Count, promptLength = prompts.Max(p => p.Count);
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var reasons = new string?[batch];
        var generators = sampling.IsGreedy ? null : Enumerable.Range(0, batch)
            .Select(i => new RandomGenerator(options.Seeds is { } s && i < s.Count ? s[i] : (ulong)i, lm.Device)).ToArray();
        using var noGrad = no_grad();
        var ids = new long[batch, promptLength];
        var valid = new bool[batch, promptLength];
        for (var row = 0; row < batch; row++)
            for (var j = 0; j < prompts[row].Count; j++)
            {
                ids[row, promptLength - prompts[row].Count + j] = prompts[row][j];
                valid[row, promptLength - prompts[row].Count + j] = true;
            }
        var allIds = tensor(ids, device: lm.Device);
        var allValid = tensor(valid, device: lm.Device);
        using var cache = options.UseCache ? lm.CreateCache(batch, promptLength + options.MaxNewTokens) : null;
        var next = allIds;
        try
        {
            for (var step = 0; step < options.MaxNewTokens && reasons.Any(r => r is null); step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var logits = lm.Forward(next, allValid, cache, lastOnly: true); // (B, 1, V)
                var chosen = new long[batch];
                var greedy = sampling.IsGreedy ? logits.select(1, 0).argmax(-1).data<long>().ToArray() : null; // (B, 1, V) -> (B)
                for (var row = 0; row < batch; row++)
                {
                    if (reasons[row] is not null) continue;
                    var token = greedy is not null ? (int)greedy[row] : PickRow(logits, row, sampling, generators![row]);
                    chosen[row] = token;
                    if (eos.Contains(token)) { reasons[row] = "stop"; continue; }
                    outputs[row].Add(token);
                    if (options.ShouldStop?.Invoke(row, outputs[row]) == true) reasons[row] = "stop";
                }
                var column = tensor(chosen, device: lm.Device).view(batch, 1);
                var grownIds = cat([allIds, column], 1).DetachFromDisposeScope();
                var grownValid = cat([allValid, ones(batch, 1, ScalarType.Bool, lm.Device)], 1).DetachFromDisposeScope();
                if (!ReferenceEquals(next, allIds)) next.Dispose();
                allIds.Dispose();
                allValid.Dispose();
                (allIds, allValid) = (grownIds, grownValid);
                next = options.UseCache ? column.DetachFromDisposeScope() : allIds;
            }
        }
        finally
        {
            if (!ReferenceEquals(next, allIds)) next.Dispose();
            allIds.Dispose();
            allValid.Dispose();
            if (generators is not null) foreach (var g in generators) g.Dispose();
        }
        return outputs.Select((tokens, row) => new GeneratedSequence(tokens, reasons[row] ?? "length")).ToArray();
    }

    private static int PickRow(Tensor logits, int row, SamplingOptions sampling, RandomGenerator generator)
    {
        using var rowLogits = logits[row, 0];
        return TokenSampler.Pick(rowLogits, sampling, generator);
    }
}
