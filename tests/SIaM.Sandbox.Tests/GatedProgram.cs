using Docker.DotNet;
using Docker.DotNet.Models;
using NUnit.Framework;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>
/// A program that runs until the test releases it, so a fault injected while it runs always lands on a program in
/// flight, however fast the machine. It marks its scratch when it starts; the test finds the mark and releases it with
/// <c>docker exec</c> as the container's own user (the worker's scratch wipe then removes both files). Polls; never waits
/// a fixed time for an event.
/// </summary>
internal static class GatedProgram
{
    private const string Running = "/tmp/siam-gate-running";
    private const string Release = "/tmp/siam-gate-release";

    /// <summary>Python that waits for its release, then prints <paramref name="output"/>.</summary>
    public static string Code(string output) =>
        $"import os, time\nopen('{Running}', 'w').close()\nwhile not os.path.exists('{Release}'):\n    time.sleep(0.01)\nprint({output})";

    /// <summary>Waits until a gated program runs in one of the pool's containers on that engine; returns the container id.</summary>
    public static async Task<string> WaitUntilRunningAsync(DockerClient client, string poolId, TimeSpan timeout) =>
        (await WaitUntilRunningInAsync(client, poolId, 1, timeout))[0];

    /// <summary>Waits until gated programs run in <paramref name="count"/> of the pool's containers; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilRunningInAsync(DockerClient client, string poolId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var running = new List<string>();
            foreach (var container in await OrphanReaper.ListAsync(client, CancellationToken.None, poolId))
                if (container.State == "running"
                    && (await ExecAsync(client, container.ID, $"test -e {Running} && echo yes")).Contains("yes", StringComparison.Ordinal))
                    running.Add(container.ID);
            if (running.Count >= count) return running;
            if (DateTime.UtcNow > deadline) Assert.Fail($"gated programs ran in {running.Count} containers within {timeout.TotalSeconds:0} s, not {count}");
            await Task.Delay(20);
        }
    }

    /// <summary>Releases the gated program running in one container.</summary>
    public static async Task ReleaseAsync(DockerClient client, string containerId) =>
        await ExecAsync(client, containerId, $"touch {Release}");

    /// <summary>
    /// Releases every gated program running in the pool's containers on that engine, until <paramref name="until"/> ends.
    /// A container in <paramref name="skip"/> is never entered: a test that killed it must not release its program in the
    /// moment before the engine reports it dead.
    /// </summary>
    /// <returns>How many programs were released.</returns>
    public static async Task<int> ReleaseUntilAsync(DockerClient client, string poolId, Task until, TimeSpan timeout, params string[] skip)
    {
        var released = 0;
        var deadline = DateTime.UtcNow + timeout;
        while (!until.IsCompleted && DateTime.UtcNow < deadline)
        {
            foreach (var container in await OrphanReaper.ListAsync(client, CancellationToken.None, poolId))
            {
                if (container.State != "running" || skip.Contains(container.ID)) continue;
                var answer = await ExecAsync(client, container.ID,
                    $"if [ -e {Running} ] && [ ! -e {Release} ]; then touch {Release} && echo released; fi");
                if (answer.Contains("released", StringComparison.Ordinal)) released++;
            }
            await Task.Delay(20);
        }
        return released;
    }

    private static async Task<string> ExecAsync(DockerClient client, string id, string script)
    {
        try
        {
            var exec = await client.Exec.ExecCreateContainerAsync(id,
                new ContainerExecCreateParameters { Cmd = ["sh", "-c", script], AttachStdout = true, AttachStderr = true }, CancellationToken.None);
            using var stream = await client.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, CancellationToken.None);
            return (await stream.ReadOutputToEndAsync(CancellationToken.None)).stdout;
        }
        catch (DockerApiException)
        {
            return ""; // the container went away between the listing and the exec
        }
    }
}
