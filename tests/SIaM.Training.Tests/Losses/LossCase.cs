using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using SIaM.Training.Tests.Support;
using static TorchSharp.torch;

namespace SIaM.Training.Tests.Losses;

/// <summary>Three hand-set pairs: summed response log-probs and lengths of policy and reference; loss value and gradients.</summary>
internal sealed record LossCase(double[] Pc, double[] Nc, double[] Pr, double[] Nr, double[] Rc, double[] Rr)
{
    public static LossCase Default { get; } = new(
        Pc: [-12.5, -30.0, -7.25], Nc: [5, 12, 3],
        Pr: [-14.0, -25.5, -9.0], Nr: [6, 10, 4],
        Rc: [-13.0, -29.0, -8.0], Rr: [-13.5, -26.0, -8.5]);

    public int N => Pc.Length;

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double LogSigmoid(double x) => -Math.Log(1 + Math.Exp(-x));

    /// <summary>Runs the loss on leaf tensors and returns the value and d loss / d (policy chosen, policy rejected) sums.</summary>
    public Result Run(IPreferenceLoss loss, double[]? klPolicy = null, double[]? klReference = null)
    {
        var chosen = SequenceLogProbs.From(Pc, Nc, requiresGrad: true);
        var rejected = SequenceLogProbs.From(Pr, Nr, requiresGrad: true);
        var inputs = new PreferenceInputs(chosen, rejected, tensor(Rc), tensor(Rr),
            klPolicy is null ? null : tensor(klPolicy, requires_grad: true), klReference is null ? null : tensor(klReference));
        using var value = loss.Compute(inputs);
        value.backward();
        return new Result(value.item<double>(), Tensors.Values(chosen.Sum.grad!), Tensors.Values(rejected.Sum.grad!),
            inputs.KlPolicy?.grad is { } g ? Tensors.Values(g) : null);
    }

    public sealed record Result(double Value, double[] GradChosen, double[] GradRejected, double[]? GradKl);
}
