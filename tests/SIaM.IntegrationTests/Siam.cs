namespace SIaM.IntegrationTests;

/// <summary>
/// Runs the real <c>siam</c> executable (built beside the tests) as a child process. Every run has a timeout, and the
/// process tree is killed when the timeout passes or the caller disposes it early.
/// </summary>
public static class Siam
{
    /// <summary>The limit for one command unless a test gives its own.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "siam.dll");

    private static readonly Dictionary<string, string> Environment = new() { ["NO_COLOR"] = "1", ["COLUMNS"] = "200" };

    /// <summary>Starts <c>siam ARGS</c>; dispose the result to kill it (and its descendants) if it still runs.</summary>
    public static ChildProcess Start(string workingDirectory, params string[] args) =>
        ChildProcess.Start("dotnet", [Dll, .. args], workingDirectory, Environment, streamStdout: true);

    /// <summary>Runs <c>siam ARGS</c> to completion within <see cref="DefaultTimeout"/>.</summary>
    public static Task<ProcessOutcome> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(DefaultTimeout, workingDirectory, args);

    /// <summary>Runs <c>siam ARGS</c> to completion; past <paramref name="timeout"/> it is killed and the test fails.</summary>
    public static async Task<ProcessOutcome> RunAsync(TimeSpan timeout, string workingDirectory, params string[] args)
    {
        await using var process = ChildProcess.Start("dotnet", [Dll, .. args], workingDirectory, Environment);
        return await process.WaitAsync(timeout);
    }
}
