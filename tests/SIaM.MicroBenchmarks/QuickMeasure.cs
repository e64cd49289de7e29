using System.Diagnostics;

namespace SIaM.MicroBenchmarks;

/// <summary>
/// A quick measurement without BenchmarkDotNet: one thread, 2 CPU-seconds of warm-up (tiered JIT), then pairs per CPU-second of
/// this process, which is pairs/s/core even on a machine that other jobs keep busy.
/// </summary>
public static class QuickMeasure
{
    public static double PairsPerSecond(string pairSet, double seconds)
    {
        var pairs = PairSet.Load(pairSet);
        var judge = PairJudge.For(pairSet);
        using var process = Process.GetCurrentProcess();
        var warm0 = process.TotalProcessorTime;
        while (CpuSince(process, warm0) < 2)
            foreach (var p in pairs) judge(p);
        var cpu0 = process.TotalProcessorTime;
        var done = 0L;
        while (CpuSince(process, cpu0) < seconds)
        {
            foreach (var p in pairs) judge(p);
            done += pairs.Count;
        }
        return done / CpuSince(process, cpu0);
    }

    private static double CpuSince(Process process, TimeSpan start)
    {
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalSeconds;
    }
}
