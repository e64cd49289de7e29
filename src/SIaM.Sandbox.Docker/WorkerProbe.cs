using System.Diagnostics;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// The start-up probe that picks the worker count: a short burst of the same small sympy program on 1, 2, 4, … up to
/// all started workers (each kept busy with its next program already sent), timed on the host. Each count runs
/// <see cref="Share"/> programs per worker: at least <see cref="ProgramsPerWorker"/>, and at least
/// <see cref="ProgramsPerCount"/> in all, so that one or two workers are not timed over a fraction of a second (with 8
/// programs on one worker, the rates of 1 and 2 workers swapped from run to run here). About 2 s on a 2-core machine.
/// </summary>
internal static class WorkerProbe
{
    /// <summary>Programs each worker runs at least, per tried count.</summary>
    public const int ProgramsPerWorker = 8;

    /// <summary>Programs each tried count runs at least, over all its workers.</summary>
    public const int ProgramsPerCount = 32;

    /// <summary>Programs each of <paramref name="count"/> workers runs when that count is tried.</summary>
    public static int Share(int count) => Math.Max(ProgramsPerWorker, (ProgramsPerCount + count - 1) / count);

    /// <summary>
    /// A larger count must be more than this fraction faster than a smaller one to be chosen: a worker that buys less
    /// costs its memory and, on a saturated machine, tail latency (on the 2-core VM, one worker and two ran the bench at
    /// the same rate, and two had p99 added latency 12–17 ms against 2–3 ms).
    /// </summary>
    public const double Tolerance = 0.10;

    /// <summary>The probe program: what a typical solution costs (sympy is already imported in the worker).</summary>
    public const string Program = "import sympy\nx = sympy.Rational(3, 7) * 14 + sum(range(100))\nprint(x)";

    /// <summary>Worker counts tried for <paramref name="max"/> started workers: powers of two, and the maximum.</summary>
    public static IReadOnlyList<int> Counts(int max) =>
        [.. Enumerable.Range(0, 31).Select(i => 1 << i).TakeWhile(c => c < max).Append(max).Distinct()];

    /// <summary>The smallest count within <see cref="Tolerance"/> of the best rate.</summary>
    public static int Choose(IReadOnlyList<WorkerProbeCandidate> candidates)
    {
        var best = candidates.Max(c => c.ProgramsPerSecond);
        return candidates.Where(c => c.ProgramsPerSecond * (1 + Tolerance) >= best).Min(c => c.Workers);
    }

    /// <summary>Runs the burst for every count in <see cref="Counts"/> on <paramref name="workers"/>; throws if a probe program fails.</summary>
    public static async Task<WorkerProbeResult> RunAsync(
        IReadOnlyList<WorkerContainer> workers, SandboxPolicy policy, int depth, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(w => BurstAsync(w, 1, policy, depth, timeout, cancellationToken))); // warm each worker's first fork
        var candidates = new List<WorkerProbeCandidate>();
        foreach (var count in Counts(workers.Count))
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(workers.Take(count).Select(w => BurstAsync(w, Share(count), policy, depth, timeout, cancellationToken)));
            candidates.Add(new WorkerProbeCandidate(count, count * Share(count) / clock.Elapsed.TotalSeconds));
        }
        return new WorkerProbeResult(candidates, Choose(candidates), total.Elapsed.TotalSeconds);
    }

    private static async Task BurstAsync(
        WorkerContainer worker,
        int programs,
        SandboxPolicy policy,
        int depth,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var sent = new Queue<long>();
        for (var done = 0; done < programs;)
        {
            while (sent.Count < depth && done + sent.Count < programs)
            {
                var request = worker.ProgramRequest(Program, policy);
                await worker.SendAsync(request, cancellationToken);
                sent.Enqueue(request.Id);
            }
            var reply = await worker.ReceiveAsync(sent.Dequeue(), timeout, cancellationToken);
            if (reply.Status != "ok" || reply.Recycle)
                throw new WorkerFailedException($"the worker-count probe program failed ({reply.Status}): {reply.Stderr}");
            done++;
        }
    }
}
