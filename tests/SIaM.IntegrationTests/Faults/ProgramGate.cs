namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// Watches the sandbox containers of one <c>siam</c> process for the program of a <see cref="BlockingReplay"/> and
/// releases it, through <c>docker exec</c> into the container it runs in (as the container's own unprivileged user, so
/// the worker's scratch wipe removes the files afterwards). Polls; never waits a fixed time for an event.
/// </summary>
public static class ProgramGate
{
    private static readonly string[] Probe = ["test", "-e", BlockingReplay.BlockedMarker];

    private static readonly string[] ReleaseIfBlocked =
    [
        "sh", "-c",
        $"if [ -e {BlockingReplay.BlockedMarker} ] && [ ! -e {BlockingReplay.ReleaseFile} ]; then touch {BlockingReplay.ReleaseFile}; echo released; fi",
    ];

    /// <summary>
    /// Waits until the blocked program runs in one of <paramref name="process"/>'s containers and returns that
    /// container's id. Fails the test when the process exits first (it could only have finished by skipping the
    /// blocked program) or after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<string> WaitUntilBlockedAsync(SiamProcess process, TimeSpan timeout, string? host = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var container in DockerCli.ContainersOf(process.Id, host))
                if (DockerCli.Run(host, ["exec", container, .. Probe]).ExitCode == 0) return container;
            if (process.HasExited)
            {
                var outcome = await process.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Fail($"siam exited ({outcome.ExitCode}) before its blocked program ran:\n{outcome.Stderr}\n{outcome.Stdout}");
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"the blocked program did not start within {timeout.TotalSeconds:0} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Releases the blocked program in <paramref name="container"/>; false when it was not blocked there.</summary>
    public static bool Release(string container, string? host = null) =>
        DockerCli.Run(host, ["exec", container, .. ReleaseIfBlocked]).Output.Contains("released", StringComparison.Ordinal);

    /// <summary>Starts <c>siam</c> and releases its blocked program each time it starts (also after a retry in a new container).</summary>
    public static async Task<(ProcessOutcome Outcome, int Releases)> RunReleasingAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, string? host, params string[] args)
    {
        using var process = SiamProcess.Start(workingDirectory, environment, args);
        return await ReleaseUntilExitAsync(process, timeout, host);
    }

    /// <summary>Releases <paramref name="process"/>'s blocked program whenever it runs, until the process exits.</summary>
    public static async Task<(ProcessOutcome Outcome, int Releases)> ReleaseUntilExitAsync(SiamProcess process, TimeSpan timeout, string? host = null)
    {
        var releases = 0;
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            foreach (var container in DockerCli.ContainersOf(process.Id, host))
                if (Release(container, host)) releases++;
            await Task.Delay(50);
        }
        return (await process.WaitAsync(deadline - DateTime.UtcNow + TimeSpan.FromSeconds(10)), releases);
    }
}
