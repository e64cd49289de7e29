using System.Diagnostics;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>
/// Runs the same programs through each executor with <c>concurrency</c> dispatchers. Added latency is a program's
/// end-to-end latency minus its own run time in the warm pool's forked child (the pool's reported duration).
/// </summary>
public static class SandboxBenchmark
{
    /// <summary>One pass of one executor: its row, every program's result, and the sorted added latencies (ms).</summary>
    public sealed record Measured(BenchRow Row, IReadOnlyList<ExecResult> Results, IReadOnlyList<double> AddedMs);

    /// <summary>Several passes of one executor as one row: total programs over total time, percentiles over all.</summary>
    public static BenchRow Combine(IReadOnlyList<Measured> passes)
    {
        var programs = passes.Sum(p => p.Row.Programs);
        var seconds = passes.Sum(p => p.Row.Programs / p.Row.ProgramsPerSecond);
        var added = passes.SelectMany(p => p.AddedMs).Order().ToArray();
        return passes[0].Row with
        {
            Programs = programs,
            ProgramsPerSecond = programs / seconds,
            P50AddedMs = Percentile(added, 0.50),
            P99AddedMs = Percentile(added, 0.99),
            Mismatches = passes.Sum(p => p.Row.Mismatches),
        };
    }

    public static async Task<Measured> RunAsync(
        IProgramRunner runner, IReadOnlyList<string> programs, int concurrency, IReadOnlyList<ExecResult>? reference, CancellationToken cancellationToken)
    {
        var results = new ExecResult[programs.Count];
        var latencies = new double[programs.Count];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < programs.Count)
            {
                var started = Stopwatch.GetTimestamp();
                results[index] = await runner.RunAsync(programs[index], cancellationToken);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)));
        var seconds = total.Elapsed.TotalSeconds;
        var own = reference ?? results;
        var added = latencies.Select((latency, i) => Math.Max(0, latency - own[i].DurationMs)).Order().ToArray();
        var mismatches = reference is null
            ? results.Count(r => r.Status != ExecStatus.Ok)
            : results.Where((r, i) => r.Status != reference[i].Status || r.Stdout != reference[i].Stdout).Count();
        var row = new BenchRow(runner.Name, programs.Count, programs.Count / seconds, Percentile(added, 0.50), Percentile(added, 0.99), mismatches);
        return new Measured(row, results, added);
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
