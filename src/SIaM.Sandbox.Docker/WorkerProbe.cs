using System.Diagnostics;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// The start-up probe that picks the worker count: a short burst of the same small sympy program on 1, 2, 4, … up to
/// all started workers (each kept busy with its next program already sent), timed on the host. About
/// <see cref="ProgramsPerWorker"/> programs per worker per count, so under a second on a 2-core machine.
/// </summary>
internal static class WorkerProbe
{
    /// <summary>Programs each worker runs per tried count.</summary>
    public const int ProgramsPerWorker = 8;

    /// <summary>A larger count must be more than this fraction faster than a smaller one to be chosen.</summary>
    public const double Tolerance = 0.05;

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
            await Task.WhenAll(workers.Take(count).Select(w => BurstAsync(w, ProgramsPerWorker, policy, depth, timeout, cancellationToken)));
            candidates.Add(new WorkerProbeCandidate(count, count * ProgramsPerWorker / clock.Elapsed.TotalSeconds));
        }
        return new WorkerProbeResult(candidates, Choose(candidates), total.Elapsed.TotalSeconds);
    }

    private static async Task BurstAsync(WorkerContainer worker, int programs, SandboxPolicy policy, int depth, TimeSpan timeout, CancellationToken cancellationToken)
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
