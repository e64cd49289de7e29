using SIaM.Training.Scoring;
using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>Masked negative log-likelihood: −Σ response-token log-probs / number of response tokens in the batch (the
/// token mean of cross-entropy with prompt labels set to −100).</summary>
public static class SftLoss
{
    /// <summary>The scalar loss.</summary>
    public static Tensor Compute(SequenceLogProbs logProbs)
    {
        Lengths.RequirePositive(logProbs, "sft");
        using var scope = NewDisposeScope();
        return (-logProbs.Sum.sum() / logProbs.Count.sum()).MoveToOuterDisposeScope();
    }
}
