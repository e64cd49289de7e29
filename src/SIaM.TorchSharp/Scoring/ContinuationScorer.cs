using SIaM.TorchSharp.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Scoring;

/// <summary>
/// Exact log-probabilities of continuation tokens: one forward pass over context + continuation (all but its last
/// token), log-softmax at the positions that predict each continuation token. Items whose inputs are equal (e.g.
/// single-token candidates after one prompt) share one row; rows are left-padded into batches.
/// </summary>
internal static class ContinuationScorer
{
    /// <summary>Per item, the log-probability of each of its tokens, in order.</summary>
    public static double[][] Score(CausalLm lm, IReadOnlyList<Continuation> items, int batchSize, CancellationToken cancellationToken)
    {
        var results = new double[items.Count][];
        var rows = items
            .Select((item, index) => (Index: index, Input: item.Context.Concat(item.Tokens.Take(item.Tokens.Count - 1)).ToArray()))
            .GroupBy(row => string.Join(',', row.Input))
            .Select(group => (Input: group.First().Input, Items: group.Select(r => r.Index).ToArray()))
            .ToList();
        foreach (var chunk in rows.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ScoreChunk(lm, chunk, items, results);
        }
        return results;
    }

    private static void ScoreChunk(CausalLm lm, (int[] Input, int[] Items)[] chunk, IReadOnlyList<Continuation> items, double[][] results)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var length = chunk.Max(row => row.Input.Length);
        var tail = chunk.Max(row => row.Items.Max(i => items[i].Tokens.Count));
        var ids = new long[chunk.Length * length];
        var valid = new bool[chunk.Length * length];
        for (var b = 0; b < chunk.Length; b++)
        {
            var input = chunk[b].Input;
            var offset = b * length + length - input.Length;
            for (var j = 0; j < input.Length; j++)
            {
                ids[offset + j] = input[j];
                valid[offset + j] = true;
            }
        }
        using var idsTensor = tensor(ids, [chunk.Length, length], device: lm.Device);
        using var validTensor = tensor(valid, [chunk.Length, length], device: lm.Device);
        var logProbs = lm.Forward(idsTensor, validTensor, null, tail).log_softmax(-1); // (B, tail, V)

        // Gather every (row, position, token) at once; a continuation of m tokens reads the row's last m positions.
        var (rowIndex, positionIndex, tokenIndex) = (new List<long>(), new List<long>(), new List<long>());
        for (var b = 0; b < chunk.Length; b++)
            foreach (var item in chunk[b].Items)
            {
                var tokens = items[item].Tokens;
                for (var j = 0; j < tokens.Count; j++)
                {
                    rowIndex.Add(b);
                    positionIndex.Add(tail - tokens.Count + j);
                    tokenIndex.Add(tokens[j]);
                }
            }
        var picked = logProbs.index(
            TensorIndex.Tensor(tensor(rowIndex.ToArray(), device: lm.Device)),
            TensorIndex.Tensor(tensor(positionIndex.ToArray(), device: lm.Device)),
            TensorIndex.Tensor(tensor(tokenIndex.ToArray(), device: lm.Device)));
        var values = picked.cpu().data<float>().ToArray();
        var next = 0;
        foreach (var row in chunk)
            foreach (var item in row.Items)
            {
                var count = items[item].Tokens.Count;
                results[item] = values.Skip(next).Take(count).Select(v => (double)v).ToArray();
                next += count;
            }
    }
}
