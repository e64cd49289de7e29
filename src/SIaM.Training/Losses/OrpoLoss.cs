using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>
/// ORPO (no reference model): on length-normalised log-probs a = π̄_c, b = π̄_r, log-odds ratio
/// r = (a − b) − (log(1 − eᵃ) − log(1 − eᵇ)); loss = NLL(chosen) − β · mean(log σ(r)).
/// </summary>
public sealed record OrpoLoss(double Beta = 0.1) : IPreferenceLoss
{
    /// <inheritdoc />
    public string Name => "orpo";

    /// <inheritdoc />
    public bool NeedsReference => false;

    /// <inheritdoc />
    public Tensor Compute(PreferenceInputs x)
    {
        Lengths.RequirePositive(x.PolicyChosen, Name);
        Lengths.RequirePositive(x.PolicyRejected, Name);
        using var scope = NewDisposeScope();
        var a = x.PolicyChosen.Mean();
        var b = x.PolicyRejected.Mean();
        var logOdds = (a - b) - (log1p(-a.exp()) - log1p(-b.exp()));
        var loss = SftLoss.Compute(x.PolicyChosen) - nn.functional.logsigmoid(logOdds).mean() * Beta;
        return loss.MoveToOuterDisposeScope();
    }
}
