namespace SIaM.IntegrationTests.Faults;

/// <summary>The docker client, against the default engine or the one at <c>host</c>.</summary>
public static class DockerCli
{
    public static (int ExitCode, string Output) Run(string? host, params string[] args)
    {
        var process = ChildProcess.Start("docker", host is null ? args : ["-H", host, .. args]);
        try
        {
            var outcome = process.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult(); // killed past the limit
            return (outcome.ExitCode, outcome.Stdout + outcome.Stderr);
        }
        finally
        {
            process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Ids of the sandbox containers (any state) that the siam process <paramref name="pid"/> created.</summary>
    public static IReadOnlyList<string> ContainersOf(int pid, string? host = null) =>
        Run(host, "ps", "-a", "-q", "--filter", $"label=siam.pid={pid}").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Waits until the process's containers are gone; returns those still there after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<string>> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan timeout, string? host = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = pids.SelectMany(pid => ContainersOf(pid, host)).ToList();
            if (left.Count == 0 || DateTime.UtcNow > deadline) return left;
            await Task.Delay(500);
        }
    }
}
