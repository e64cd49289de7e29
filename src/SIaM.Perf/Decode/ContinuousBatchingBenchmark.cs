using System.Diagnostics;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;

namespace SIaM.Perf.Decode;

/// <summary>
/// The same greedy requests (fixed seed; of mixed lengths, or of equal lengths as a control), all submitted at once,
/// decoded two ways in one process: batch at a time as the <c>hf:</c>
/// backend did before continuous batching (groups of <c>batch</c> in arrival order, each decoded until its longest
/// sequence stops, the next group waiting), and by <see cref="ContinuousBatchGenerator"/> (a request joins as soon as a
/// row is free). The arms alternate for <c>repeats</c> rounds; each arm's result is its median-wall run. It also counts
/// the requests that got the same tokens from both arms in every round.
/// </summary>
public static class ContinuousBatchingBenchmark
{
    public const string BatchAtATime = "batch at a time";
    public const string Continuous = "continuous";

    public static (BatchingMeasurement BatchAtATime, BatchingMeasurement Continuous, int IdenticalRequests) Measure(
        string label, CausalLm lm, int requests, int batch, int repeats = 1, bool mixed = true)
    {
        var work = Requests(lm.Config.VocabSize, requests, mixed);
        RunBatchAtATime(label, lm, work.Take(batch).ToList(), batch); // warm-up
        RunContinuous(label, lm, work.Take(batch).ToList(), batch);
        var old = new List<(BatchingMeasurement M, IReadOnlyList<IReadOnlyList<int>> Tokens)>();
        var continuous = new List<(BatchingMeasurement M, IReadOnlyList<IReadOnlyList<int>> Tokens)>();
        for (var round = 0; round < repeats; round++)
        {
            old.Add(RunBatchAtATime(label, lm, work, batch));
            continuous.Add(RunContinuous(label, lm, work, batch));
        }
        // Left padding differs between the arms, so float rounding may differ; greedy tokens should not.
        var identical = Enumerable.Range(0, work.Count).Count(i => Enumerable.Range(0, repeats)
            .All(r => old[r].Tokens[i].SequenceEqual(continuous[r].Tokens[i])));
        return (Median(old), Median(continuous), identical);
    }

    private static BatchingMeasurement Median(List<(BatchingMeasurement M, IReadOnlyList<IReadOnlyList<int>> Tokens)> runs) =>
        runs.Select(r => r.M).OrderBy(m => m.WallMs).ElementAt(runs.Count / 2);

    // Mixed: prompts of 16–128 tokens, three in four stop after 4–16 tokens, the rest after 48–96. Else 64 and 32 each.
    private static List<(int[] Prompt, int Stop)> Requests(int vocabulary, int count, bool mixed)
    {
        var random = new Random(1234);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = Enumerable.Range(0, mixed ? random.Next(16, 129) : 64).Select(_ => random.Next(3, vocabulary)).ToArray();
            var stop = !mixed ? 32 : random.Next(4) == 0 ? random.Next(48, 97) : random.Next(4, 17);
            return (prompt, stop);
        }).ToList();
    }

    private static (BatchingMeasurement, IReadOnlyList<IReadOnlyList<int>>) RunBatchAtATime(
        string label, CausalLm lm, List<(int[] Prompt, int Stop)> work, int batch)
    {
        var generator = new BatchGenerator(lm);
        var clock = Clock.Start();
        var tokens = new IReadOnlyList<int>[work.Count];
        var latency = 0.0;
        var limit = work.Max(w => w.Stop);
        for (var start = 0; start < work.Count; start += batch)
        {
            var group = work.Skip(start).Take(batch).ToList();
            var options = new GenerationOptions(limit, ShouldStop: (row, so) => so.Count >= group[row].Stop);
            var sequences = generator.Generate(group.Select(g => (IReadOnlyList<int>)g.Prompt).ToList(), options);
            for (var i = 0; i < sequences.Count; i++) tokens[start + i] = sequences[i].Tokens;
            latency += group.Count * clock.WallMs;
        }
        return (clock.Stop(label, BatchAtATime, work.Count, batch, tokens, latency), tokens);
    }

    private static (BatchingMeasurement, IReadOnlyList<IReadOnlyList<int>>) RunContinuous(
        string label, CausalLm lm, List<(int[] Prompt, int Stop)> work, int batch)
    {
        var generator = new ContinuousBatchGenerator(lm, batch);
        try
        {
            var clock = Clock.Start();
            var finishedAt = new double[work.Count];
            var limit = work.Max(w => w.Stop);
            var tasks = work.Select((w, i) => generator.GenerateAsync(new SequenceRequest(w.Prompt, limit, ShouldStop: so => so.Count >= w.Stop))
                .ContinueWith(t =>
                {
                    finishedAt[i] = clock.WallMs;
                    return t.Result.Tokens;
                }, TaskScheduler.Default)).ToArray();
            var tokens = Task.WhenAll(tasks).GetAwaiter().GetResult();
            return (clock.Stop(label, Continuous, work.Count, batch, tokens, finishedAt.Sum()), tokens);
        }
        finally
        {
            generator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private sealed class Clock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public double WallMs => _watch.Elapsed.TotalMilliseconds;

        public static Clock Start() => new();

        public BatchingMeasurement Stop(string label, string mode, int requests, int batch, IReadOnlyList<IReadOnlyList<int>> tokens, double latencySum)
        {
            var wall = WallMs;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMilliseconds;
            return new BatchingMeasurement(label, mode, requests, batch, tokens.Sum(t => t.Count), wall, cpu, latencySum / requests);
        }
    }
}
