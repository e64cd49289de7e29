using TorchSharp;

namespace SIaM.TorchSharp.Tests;

public sealed class LibTorchLoadingTests
{
    [Test]
    public void Libtorch_loads_and_multiplies_matrices()
    {
        // Arrange
        TorchRuntime.EnsureConfigured();
        using var a = torch.ones(2, 3);
        using var b = torch.ones(3, 4);

        // Act
        using var c = a.matmul(b);

        // Assert
        Assert.That(c.shape, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(c.sum().item<float>(), Is.EqualTo(24f));
    }
}
