using System.Diagnostics;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// The real <c>siam</c> as a child process, with an environment of its own (e.g. <c>DOCKER_HOST</c>), signals, and a
/// hard timeout after which it is killed (a hung run fails the test instead of hanging it).
/// </summary>
public sealed class SiamProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SiamProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static SiamProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "siam.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start siam");
        process.StandardInput.Close();
        return new SiamProcess(process);
    }

    public static async Task<Siam.Outcome> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await process.WaitAsync(timeout);
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the process is killed and the test fails.</summary>
    public async Task<Siam.Outcome> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            Assert.Fail($"siam did not exit within {timeout.TotalSeconds:0} s (hung). stderr:\n{await _stderr}");
        }
        return new Siam.Outcome(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
