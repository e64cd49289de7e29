using System.Collections.Concurrent;
using System.Diagnostics;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>Runs <see cref="SoakMix"/> through a fresh pool and counts wrong verdicts and leaks.</summary>
public static class SoakRunner
{
    public static async Task<SoakReport> RunAsync(
        int count,
        SandboxPolicy policy,
        DockerPoolOptions options,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var wrong = new ConcurrentQueue<string>();
        var pool = await DockerSandboxPool.StartAsync(policy, options, cancellationToken);
        int leakedProcesses;
        var done = 0;
        try
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Workers * 2, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var program = SoakMix.At(index);
                    var result = await pool.RunPythonAsync(program.Code, token);
                    if (result.Status != program.Expected || (program.Stdout is not null && result.Stdout != program.Stdout))
                        wrong.Enqueue(
                            $"#{index} {program.Kind}: expected {VerdictNames.Name(program.Expected)}, " +
                            $"got {VerdictNames.Name(result.Status)} {Trim(result.Stderr)}");
                    var finished = Interlocked.Increment(ref done);
                    if (finished % 500 == 0) progress?.Report(finished);
                });
            leakedProcesses = 0;
            foreach (var engine in pool.Engines) leakedProcesses += await CountExtraProcessesAsync(pool, engine.Endpoint, cancellationToken);
        }
        finally
        {
            await pool.DisposeAsync();
        }
        var leakedContainers = 0;
        foreach (var engine in pool.Engines)
        {
            using var client = DockerEngine.CreateClient(engine.Endpoint);
            leakedContainers += (await OrphanReaper.ListAsync(client, cancellationToken, pool.PoolId)).Count;
        }
        return new SoakReport(count, wrong.Count, leakedProcesses, leakedContainers, pool.Replacements, stopwatch.Elapsed.TotalSeconds, [.. wrong.Take(10)]);
    }

    private static async Task<int> CountExtraProcessesAsync(DockerSandboxPool pool, EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.CreateClient(endpoint);
        var extra = 0;
        foreach (var container in await OrphanReaper.ListAsync(client, cancellationToken, pool.PoolId))
        {
            var top = await client.Containers.ListProcessesAsync(container.ID, new ContainerListProcessesParameters(), cancellationToken);
            extra += Math.Max(0, top.Processes.Count - WorkerContainer.OwnProcesses);
        }
        return extra;
    }

    private static string Trim(string text) => text.Length <= 200 ? text.Trim() : text[^200..].Trim();
}
