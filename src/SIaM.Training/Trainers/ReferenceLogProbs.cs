using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.TorchSharp.Models;
using SIaM.Training.Scoring;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>
/// Summed response log-probabilities of every pair under the reference model (the policy before training), computed
/// once before the first update and cached in a file so that a resumed run reuses them. Kl[i] scores pair i's prompt
/// with the chosen response of pair i+1 (KTO's mismatched pairs).
/// </summary>
public sealed record ReferenceLogProbs(double[] Chosen, double[] Rejected, double[] Kl)
{
    /// <summary>The prompt of pair i with the chosen response of pair i+1 (wrapping).</summary>
    public static TokenizedExample Mismatched(IReadOnlyList<PreferencePair> pairs, int i) =>
        new(pairs[i].Prompt, pairs[(i + 1) % pairs.Count].Chosen);

    /// <summary>Loads <paramref name="cacheFile"/> when it exists (and matches the pair count), else scores and writes it.</summary>
    public static ReferenceLogProbs LoadOrCompute(CausalLm reference, IReadOnlyList<PreferencePair> pairs, int padId, int batchSize, string? cacheFile)
    {
        if (cacheFile is not null && File.Exists(cacheFile))
        {
            var cached = JsonSerializer.Deserialize<ReferenceLogProbs>(File.ReadAllText(cacheFile))
                ?? throw new InputException($"{cacheFile}: empty reference cache");
            if (cached.Chosen.Length != pairs.Count)
                throw new InputException($"{cacheFile}: caches {cached.Chosen.Length} pairs, the run has {pairs.Count}");
            return cached;
        }
        var result = new ReferenceLogProbs(
            Score(reference, pairs.Select(p => p.ChosenExample).ToList(), padId, batchSize),
            Score(reference, pairs.Select(p => p.RejectedExample).ToList(), padId, batchSize),
            Score(reference, pairs.Select((_, i) => Mismatched(pairs, i)).ToList(), padId, batchSize));
        if (cacheFile is not null) AtomicFile.WriteText(cacheFile, JsonSerializer.Serialize(result));
        return result;
    }

    /// <summary>Summed response log-probs of <paramref name="examples"/> without recording a graph.</summary>
    public static double[] Score(CausalLm lm, IReadOnlyList<TokenizedExample> examples, int padId, int batchSize)
    {
        using var noGrad = no_grad();
        var result = new List<double>(examples.Count);
        foreach (var chunk in examples.Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            using var batch = SequenceBatch.Create(chunk, padId, lm.Device);
            var sums = ResponseScorer.Score(lm, batch).Sum.to_type(ScalarType.Float64).cpu();
            result.AddRange(sums.data<double>().ToArray());
        }
        return result.ToArray();
    }
}
