using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>
/// An objective with a second data set replayed beside it: indices 0..n−1 are the main objective's examples, the rest
/// the replayed ones, so one seeded order mixes both. A batch's loss is the example-weighted mean of the two losses over
/// its part of each. The loop replays the seed programs with the SFT loss beside the preference pairs, as the SFT path
/// trains on the accepted programs plus the seed programs, so that no algorithm forgets the seed set.
/// </summary>
public sealed class ReplayObjective(ITrainingObjective main, ITrainingObjective replayed) : ITrainingObjective
{
    /// <inheritdoc />
    public int Count => main.Count + replayed.Count;

    /// <inheritdoc />
    public Tensor Loss(CausalLm lm, IReadOnlyList<int> indices)
    {
        var own = indices.Where(i => i < main.Count).ToList();
        var replay = indices.Where(i => i >= main.Count).Select(i => i - main.Count).ToList();
        if (replay.Count == 0) return main.Loss(lm, own);
        if (own.Count == 0) return replayed.Loss(lm, replay);
        return (main.Loss(lm, own) * own.Count + replayed.Loss(lm, replay) * replay.Count) / indices.Count;
    }
}
