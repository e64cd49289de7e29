using SIaM.Training.Scoring;
using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>
/// What a preference loss sees for a batch of N pairs: policy log-probabilities of the chosen and rejected responses
/// (sums over response tokens, with lengths), the cached reference sums, and for KTO the policy and reference sums of
/// mismatched prompt–completion pairs used for its KL estimate.
/// </summary>
public sealed record PreferenceInputs(
    SequenceLogProbs PolicyChosen,
    SequenceLogProbs PolicyRejected,
    Tensor? ReferenceChosen = null,
    Tensor? ReferenceRejected = null,
    Tensor? KlPolicy = null,
    Tensor? KlReference = null)
{
    internal Tensor RequireReferenceChosen(string loss) =>
        ReferenceChosen ?? throw new ArgumentException($"{loss} needs reference log-probs of the chosen responses");

    internal Tensor RequireReferenceRejected(string loss) =>
        ReferenceRejected ?? throw new ArgumentException($"{loss} needs reference log-probs of the rejected responses");
}
