using SIaM.TorchSharp.Models;

namespace SIaM.Training.Models;

/// <summary>Builds a trainable model with seeded fresh weights from an architecture.</summary>
public static class FreshModel
{
    /// <summary>normal(0, 0.02) matrices, unit norms, zero biases, drawn from <paramref name="seed"/>; parameters require gradients.</summary>
    public static CausalLm Create(CausalLmConfig config, long seed)
    {
        var lm = CausalLm.Create(config);
        lm.InitializeRandom(seed);
        lm.SetTrainable(true);
        return lm;
    }
}
