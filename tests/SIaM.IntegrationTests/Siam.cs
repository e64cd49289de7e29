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

    /// <summary>
    /// Runs a long <c>siam eval</c> for as long as it makes progress: it fails only when <c>samples.jsonl</c> in
    /// <paramref name="runDirectory"/> stops growing for <paramref name="stall"/> (a hang), so the limit does not depend on
    /// how fast the machine runs programs. <paramref name="cap"/> bounds the whole run, far above any working machine.
    /// </summary>
    public static async Task<ProcessOutcome> RunWhileProgressingAsync(string workingDirectory, string runDirectory, TimeSpan stall, TimeSpan cap,
        params string[] args)
    {
        await using var process = ChildProcess.Start("dotnet", [Dll, .. args], workingDirectory, Environment);
        var samples = Path.Combine(runDirectory, "samples.jsonl");
        var started = DateTime.UtcNow;
        var (size, lastGrowth) = (-1L, DateTime.UtcNow);
        while (!process.HasExited)
        {
            var now = File.Exists(samples) ? new FileInfo(samples).Length : 0;
            if (now != size) (size, lastGrowth) = (now, DateTime.UtcNow);
            if (DateTime.UtcNow - lastGrowth > stall || DateTime.UtcNow - started > cap) break;
            await Task.Delay(250);
        }
        if (process.HasExited) return await process.WaitAsync(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitAsync(TimeSpan.FromMilliseconds(1)); // kills it, with its output in the exception
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"siam wrote no sample for {stall.TotalSeconds:0} s (or ran past {cap.TotalMinutes:0} min) and was killed: {e.Message}");
        }
        return await process.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Runs <c>siam ARGS</c> to completion; past <paramref name="timeout"/> it is killed and the test fails.</summary>
    public static async Task<ProcessOutcome> RunAsync(TimeSpan timeout, string workingDirectory, params string[] args)
    {
        await using var process = ChildProcess.Start("dotnet", [Dll, .. args], workingDirectory, Environment);
        return await process.WaitAsync(timeout);
    }
}
