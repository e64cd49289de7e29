using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.Training.Models;

/// <summary>Builds a trainable model with seeded fresh weights from an architecture.</summary>
public static class FreshModel
{
    /// <summary>
    /// normal(0, 0.02) matrices, unit norms, zero biases, drawn from <paramref name="seed"/> on <paramref name="device"/>
    /// (CPU when null); parameters require gradients.
    /// </summary>
    public static CausalLm Create(CausalLmConfig config, long seed, Device? device = null)
    {
        var lm = CausalLm.Create(config, device);
        lm.InitializeRandom(seed);
        lm.SetTrainable(true);
        return lm;
    }
}
