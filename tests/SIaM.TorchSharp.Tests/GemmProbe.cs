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
        foreach (var m in new[] { 1, 8, 64 })
        {
            using var x = randn(m, 512);
            for (var i = 0; i < 3; i++) nn.functional.linear(x, w).Dispose();
            var p = Process.GetCurrentProcess(); p.Refresh(); var c0 = p.TotalProcessorTime; var sw = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) nn.functional.linear(x, w).Dispose();
            p.Refresh();
            var cpu = (p.TotalProcessorTime - c0).TotalMilliseconds / 20; var wall = sw.Elapsed.TotalMilliseconds / 20;
            TestContext.Out.WriteLine($"M={m}: wall {wall:F2} ms, cpu {cpu:F2} ms, {2.0 * m * 512 * 32000 / cpu / 1e6:F1} GFLOP/s(cpu)");
        }
        TestContext.Out.WriteLine($"threads {get_num_threads()}");
    }
}
