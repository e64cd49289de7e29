using System.Diagnostics;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests;

[Explicit]
public sealed class GemmProbe
{
    [Test]
    public void Probe()
    {
        TorchRuntime.EnsureConfigured();
        using var w = randn(32000, 512);
        using var storage = w.t().contiguous();
        using var wView = storage.t();
        var p = Process.GetCurrentProcess();
        double Cpu(Tensor x, Tensor weight)
        {
            for (var i = 0; i < 2; i++) nn.functional.linear(x, weight).Dispose();
            p.Refresh(); var c0 = p.TotalProcessorTime;
            for (var i = 0; i < 10; i++) nn.functional.linear(x, weight).Dispose();
            p.Refresh(); return (p.TotalProcessorTime - c0).TotalMilliseconds / 10;
        }
        for (var round = 0; round < 3; round++)
            foreach (var m in new[] { 1, 8 })
            {
                using var x = randn(m, 512);
                TestContext.Out.WriteLine($"round {round} M={m}: standard {Cpu(x, w):F2} ms, transposed-storage {Cpu(x, wView):F2} ms, contiguous={wView.is_contiguous()}");
            }
    }
}
