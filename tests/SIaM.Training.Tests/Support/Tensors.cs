using static TorchSharp.torch;

namespace SIaM.Training.Tests.Support;

/// <summary>Small helpers for comparing tensors in assertions.</summary>
internal static class Tensors
{
    public static bool BitEqual(Tensor a, Tensor b)
    {
        using var equal = a.eq(b);
        using var all = equal.all();
        return a.shape.SequenceEqual(b.shape) && all.item<bool>();
    }

    public static double[] Values(Tensor t)
    {
        using var d = t.detach().to_type(ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }
}
