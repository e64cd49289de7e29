using SIaM.TorchSharp.Models;
using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>Supervised fine-tuning: masked NLL of the responses.</summary>
public sealed class SftObjective(IReadOnlyList<TokenizedExample> examples, int padId) : ITrainingObjective
{
    /// <inheritdoc />
    public int Count => examples.Count;

    /// <inheritdoc />
    public Tensor Loss(CausalLm lm, IReadOnlyList<int> indices)
    {
        using var batch = SequenceBatch.Create(indices.Select(i => examples[i]).ToList(), padId, lm.Device);
        var logProbs = ResponseScorer.Score(lm, batch);
        return SftLoss.Compute(logProbs);
    }
}
