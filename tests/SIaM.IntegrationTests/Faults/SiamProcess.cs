namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// The real <c>siam</c> as a child process, with an environment of its own (e.g. <c>DOCKER_HOST</c>), signals, and a
/// hard timeout after which its process tree is killed (a hung run fails the test instead of hanging it); disposing it
/// kills the tree too.
/// </summary>
public sealed class SiamProcess : IDisposable
{
    private readonly ChildProcess _process;

    private SiamProcess(ChildProcess process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static SiamProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var variables = new Dictionary<string, string> { ["NO_COLOR"] = "1", ["COLUMNS"] = "200" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        // SIGINT starts at its default action, as from a terminal: a test runner started in the background (nohup, `&`)
        // passes it on ignored, and the runtime leaves an ignored SIGINT ignored, so the INT test could not land its signal.
        return new SiamProcess(ChildProcess.Start("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "siam.dll"), .. args],
            workingDirectory, variables));
    }

    public static async Task<ProcessOutcome> RunAsync(
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment,
        params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await process.WaitAsync(timeout);
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL) with kill(1).</summary>
    public void Signal(string name) => _process.Signal(name);

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the process tree is killed and the test fails.</summary>
    public async Task<ProcessOutcome> WaitAsync(TimeSpan timeout)
    {
        try
        {
            return await _process.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"siam did not exit in time (hung): {e.Message}");
            throw;
        }
    }

    public void Dispose() => _process.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
