using System.Diagnostics;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;

namespace SIaM.Perf.Decode;

/// <summary>
/// Measures decode speed with greedy decoding of random prompts (fixed seed): each step is time-stamped as its token
/// arrives, so the prefill is excluded; the result is the run with the median CPU time of <c>repeats</c> runs.
/// </summary>
public static class DecodeBenchmark
{
    public static DecodeMeasurement Measure(string label, CausalLm lm, int batch, int context, bool kvCache, int newTokens, int repeats = 1)
    {
        var random = new Random(1234);
        var prompts = Enumerable.Range(0, batch)
            .Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, context).Select(_ => random.Next(3, lm.Config.VocabSize)).ToArray())
            .ToArray();
        var generator = new BatchGenerator(lm);
        generator.Generate(prompts, new GenerationOptions(2, UseCache: kvCache)); // warm-up
        var runs = Enumerable.Range(0, repeats).Select(_ => Run(label, generator, prompts, context, kvCache, newTokens)).ToList();
        return runs.OrderBy(r => r.DecodeCpuMs).ElementAt(runs.Count / 2);
    }

    private static DecodeMeasurement Run(string label, BatchGenerator generator, IReadOnlyList<IReadOnlyList<int>> prompts,
        int context, bool kvCache, int newTokens)
    {
        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        var watch = Stopwatch.StartNew();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        bool Stamp(int row, IReadOnlyList<int> tokens)
        {
            if (row != 0) return false;
            process.Refresh();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
            return false;
        }
        generator.Generate(prompts, new GenerationOptions(1 + newTokens, UseCache: kvCache, ShouldStop: Stamp));
        return new DecodeMeasurement(label, prompts.Count, context, kvCache, newTokens,
            wall[0], wall[^1] - wall[0], Math.Max(1e-3, cpu[^1] - cpu[0]));
    }
}
