using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>
/// KTO with chosen responses as desirable and rejected ones as undesirable examples. z₀ = max(0, mean(KL_policy −
/// KL_reference)) over mismatched pairs, detached; with r = π − ref (summed log-probs), desirable loss
/// 1 − σ(β (r − z₀)), undesirable loss 1 − σ(β (z₀ − r)); the loss is the mean of λ_D- and λ_U-weighted terms over
/// all 2N examples (as TRL concatenates them).
/// </summary>
public sealed record KtoLoss(double Beta = 0.1, double DesirableWeight = 1, double UndesirableWeight = 1) : IPreferenceLoss
{
    /// <inheritdoc />
    public string Name => "kto";

    /// <inheritdoc />
    public bool NeedsReference => true;

    /// <inheritdoc />
    public bool NeedsKlTerms => true;

    /// <inheritdoc />
    public Tensor Compute(PreferenceInputs x)
    {
        using var scope = NewDisposeScope();
        var klPolicy = x.KlPolicy ?? throw new ArgumentException("kto needs the policy log-probs of mismatched pairs");
        var klReference = x.KlReference ?? throw new ArgumentException("kto needs the reference log-probs of mismatched pairs");
        var z0 = (klPolicy - klReference).mean().clamp_min(0).detach();
        var chosen = x.PolicyChosen.Sum - x.RequireReferenceChosen(Name);
        var rejected = x.PolicyRejected.Sum - x.RequireReferenceRejected(Name);
        var desirable = (1 - ((chosen - z0) * Beta).sigmoid()) * DesirableWeight;
        var undesirable = (1 - ((z0 - rejected) * Beta).sigmoid()) * UndesirableWeight;
        return cat([desirable, undesirable], 0).mean().MoveToOuterDisposeScope();
    }
}
