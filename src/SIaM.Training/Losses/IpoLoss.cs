using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>
/// IPO: h = (π̄_c − π̄_r) − (ref̄_c − ref̄_r) on length-normalised log-probs (as TRL computes it), loss = mean((h − 1/(2β))²).
/// </summary>
public sealed record IpoLoss(double Beta = 0.1) : IPreferenceLoss
{
    /// <inheritdoc />
    public string Name => "ipo";

    /// <inheritdoc />
    public bool NeedsReference => true;

    /// <inheritdoc />
    public Tensor Compute(PreferenceInputs x)
    {
        Lengths.RequirePositive(x.PolicyChosen, Name);
        Lengths.RequirePositive(x.PolicyRejected, Name);
        using var scope = NewDisposeScope();
        var referenceMargin = x.RequireReferenceChosen(Name) / x.PolicyChosen.Count - x.RequireReferenceRejected(Name) / x.PolicyRejected.Count;
        var h = x.PolicyChosen.Mean() - x.PolicyRejected.Mean() - referenceMargin;
        return (h - 1 / (2 * Beta)).pow(2).mean().MoveToOuterDisposeScope();
    }
}
