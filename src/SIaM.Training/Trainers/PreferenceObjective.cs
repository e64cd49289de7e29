using SIaM.TorchSharp.Models;
using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>A preference loss over pairs; chosen and rejected responses go through the model in one batch, reference
/// log-probs come from the cache.</summary>
public sealed class PreferenceObjective(IReadOnlyList<PreferencePair> pairs, int padId, IPreferenceLoss loss, ReferenceLogProbs? reference) : ITrainingObjective
{
    /// <inheritdoc />
    public int Count => pairs.Count;

    /// <inheritdoc />
    public Tensor Loss(CausalLm lm, IReadOnlyList<int> indices)
    {
        if (loss.NeedsReference && reference is null) throw new ArgumentException($"{loss.Name} needs cached reference log-probs");
        var n = indices.Count;
        var examples = indices.Select(i => pairs[i].ChosenExample).Concat(indices.Select(i => pairs[i].RejectedExample)).ToList();
        using var batch = SequenceBatch.Create(examples, padId, lm.Device);
        var scored = ResponseScorer.Score(lm, batch);
        var chosen = new SequenceLogProbs(scored.Sum.narrow(0, 0, n), scored.Count.narrow(0, 0, n));
        var rejected = new SequenceLogProbs(scored.Sum.narrow(0, n, n), scored.Count.narrow(0, n, n));
        Tensor? Cached(double[]? values) => values is null ? null
            : tensor(indices.Select(i => (float)values[i]).ToArray(), device: lm.Device);
        Tensor? klPolicy = null;
        if (loss.NeedsKlTerms)
        {
            var mismatched = indices.Select(i => ReferenceLogProbs.Mismatched(pairs, i)).ToList();
            klPolicy = tensor(ReferenceLogProbs.Score(lm, mismatched, padId, n).Select(v => (float)v).ToArray(), device: lm.Device);
        }
        return loss.Compute(new PreferenceInputs(chosen, rejected, Cached(reference?.Chosen), Cached(reference?.Rejected),
            klPolicy, loss.NeedsKlTerms ? Cached(reference?.Kl) : null));
    }
}
