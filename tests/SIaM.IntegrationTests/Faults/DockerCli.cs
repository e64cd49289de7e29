using System.Diagnostics;

namespace SIaM.IntegrationTests.Faults;

/// <summary>The docker client, against the default engine or the one at <c>host</c>.</summary>
public static class DockerCli
{
    public static (int ExitCode, string Output) Run(string? host, params string[] args)
    {
        var start = new ProcessStartInfo("docker", host is null ? args : ["-H", host, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
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
