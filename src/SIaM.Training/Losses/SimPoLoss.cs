using static TorchSharp.torch;

namespace SIaM.Training.Losses;

/// <summary>SimPO (no reference model): loss = mean(−log σ(β (π̄_c − π̄_r) − γ)) on length-normalised log-probs.</summary>
public sealed record SimPoLoss(double Beta = 2.0, double Gamma = 0.5) : IPreferenceLoss
{
    /// <inheritdoc />
    public string Name => "simpo";

    /// <inheritdoc />
    public bool NeedsReference => false;

    /// <inheritdoc />
    public Tensor Compute(PreferenceInputs x)
    {
        Lengths.RequirePositive(x.PolicyChosen, Name);
        Lengths.RequirePositive(x.PolicyRejected, Name);
        using var scope = NewDisposeScope();
        var z = (x.PolicyChosen.Mean() - x.PolicyRejected.Mean()) * Beta - Gamma;
        return (-nn.functional.logsigmoid(z)).mean().MoveToOuterDisposeScope();
    }
}
