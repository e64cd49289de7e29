using Docker.DotNet.Models;
using NUnit.Framework;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>
/// Asserts that a pool has exactly its workers and each runs nothing but its worker: the front (PID 1) and the forker
/// it starts (see image/worker.py). A program left behind would be a third process. It first waits until every run the
/// pool sent has answered: a program moved away from a slow one still runs a second time where it waited, after its
/// verdict came from the first run to finish.
/// </summary>
internal static class LeakCheck
{
    public static async Task AssertNoLeaksAsync(DockerSandboxPool pool, int expectedWorkers)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (pool.ProgramsInWorkers > 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{pool.ProgramsInWorkers} runs sent to workers did not answer within 2 minutes");
            await Task.Delay(20);
        }
        using var client = DockerEngine.CreateClient();
        var containers = await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId);
        Assert.That(containers.Select(c => c.State), Is.EqualTo(Enumerable.Repeat("running", expectedWorkers)),
            "the pool should have exactly its workers, all running");
        foreach (var container in containers)
        {
            var processes = await ProcessesAsync(client, container.ID);
            Assert.That(processes, Has.Count.EqualTo(WorkerContainer.OwnProcesses).And.All.Contain("/opt/siam/worker.py"),
                $"container {container.ID[..12]} should run only its worker's two processes, found: {string.Join(" | ", processes)}");
        }
        // Only this test process's pools: other processes (e.g. the end-to-end tests running beside) have their own.
        var ours = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stale = (await OrphanReaper.ListAsync(client, CancellationToken.None))
            .Where(c => c.State != "running" && c.Labels.TryGetValue(PoolLabels.Pid, out var pid) && pid == ours).ToList();
        Assert.That(stale, Is.Empty, "no stopped or created sandbox containers of this process should be left");
    }

    /// <summary>The command lines of the processes inside a container, as the engine reports them.</summary>
    public static async Task<List<string>> ProcessesAsync(global::Docker.DotNet.DockerClient client, string id)
    {
        // Zombies briefly outlive a kill while the worker reaps them; give the kernel a moment before judging.
        for (var attempt = 0; ; attempt++)
        {
            var top = await client.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters(), CancellationToken.None);
            var commandColumn = top.Titles.IndexOf("CMD");
            var rows = top.Processes.Select(row => string.Join(" ", commandColumn >= 0 ? row[commandColumn] : string.Join(" ", row))).ToList();
            if (rows.Count <= WorkerContainer.OwnProcesses || attempt == 5) return rows;
            await Task.Delay(50);
        }
    }
}
