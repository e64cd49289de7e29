using static TorchSharp.torch;

namespace SIaM.Training.Scoring;

/// <summary>Per-sequence sums of response-token log-probabilities (B) and response lengths (B).</summary>
public sealed record SequenceLogProbs(Tensor Sum, Tensor Count)
{
    /// <summary>Length-normalised log-probabilities (B): the sum divided by the response length.</summary>
    public Tensor Mean() => Sum / Count;

    /// <summary>Hand-set values (tests, cached reference scores).</summary>
    public static SequenceLogProbs From(double[] sums, double[] counts, bool requiresGrad = false) =>
        new(tensor(sums, ScalarType.Float64, requires_grad: requiresGrad), tensor(counts, ScalarType.Float64));
}
