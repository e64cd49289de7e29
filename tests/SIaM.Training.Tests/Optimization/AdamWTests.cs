using SIaM.Training.Optimization;
using SIaM.Training.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.Training.Tests.Optimization;

public sealed class AdamWTests
{
    [Test]
    public void Five_updates_match_torch_optim_AdamW_with_weight_decay()
    {
        // Arrange: two copies of the same parameters and the same gradients
        using var ours = new global::TorchSharp.Modules.Parameter(randn(4, 3, generator: new global::TorchSharp.torch.Generator(5)));
        using var theirs = new global::TorchSharp.Modules.Parameter(ours.detach().clone());
        using var adam = new AdamW([("w", ours)], beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1);
        using var reference = optim.AdamW([theirs], lr: 3e-3, beta1: 0.9, beta2: 0.95, eps: 1e-8, weight_decay: 0.1);
        using var target = randn(4, 3, generator: new global::TorchSharp.torch.Generator(6));

        for (var step = 0; step < 5; step++)
        {
            // Act
            adam.ZeroGrad();
            reference.zero_grad();
            using (var loss = (ours - target).pow(3).abs().sum()) loss.backward();
            using (var loss = (theirs - target).pow(3).abs().sum()) loss.backward();
            adam.Step(3e-3);
            reference.step();
        }

        // Assert
        Assert.That(Tensors.Values(ours), Is.EqualTo(Tensors.Values(theirs)).Within(1e-6));
        Assert.That(adam.StepCount, Is.EqualTo(5));
    }
}
