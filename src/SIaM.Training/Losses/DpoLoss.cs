using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>
/// DPO, sigmoid form: h = (π_c − π_r) − (ref_c − ref_r) on summed response log-probs, loss = mean(−log σ(β h)), plus
/// <paramref name="Lambda"/> · NLL of the chosen responses (token mean; TRL's <c>rpo_alpha</c>, the SFT term SIaM adds).
/// </summary>
public sealed record DpoLoss(double Beta = 0.1, double Lambda = 0) : IPreferenceLoss
{
    /// <inheritdoc />
    public string Name => "dpo";

    /// <inheritdoc />
    public bool NeedsReference => true;

    /// <inheritdoc />
    public Tensor Compute(PreferenceInputs x)
    {
        using var scope = NewDisposeScope();
        var h = (x.PolicyChosen.Sum - x.PolicyRejected.Sum) - (x.RequireReferenceChosen(Name) - x.RequireReferenceRejected(Name));
        var loss = (-nn.functional.logsigmoid(h * Beta)).mean();
        if (Lambda != 0) loss = loss + SftLoss.Compute(x.PolicyChosen) * Lambda;
        return loss.MoveToOuterDisposeScope();
    }
}
