using System.Diagnostics;

namespace SIaM.Testing;

/// <summary>
/// A child process started by a test: its output is captured in the background, and it (with every process it
/// started) is killed when the test stops waiting for it — on dispose, on a timeout, or when the test fails.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task<string>? _stdout;

    private ChildProcess(Process process, bool streamStdout)
    {
        _process = process;
        _process.StandardInput.Close();
        _stderr = process.StandardError.ReadToEndAsync();
        _stdout = streamStdout ? null : process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>The command line, for failure messages.</summary>
    public required string CommandLine { get; init; }

    /// <summary>Standard output as lines, for a test that reads it while the process runs (see <c>streamStdout</c>).</summary>
    public StreamReader StandardOutput => _stdout is null ? _process.StandardOutput
        : throw new InvalidOperationException("standard output is being captured whole; start with streamStdout: true");

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="fileName"/>; standard input is closed at once.</summary>
    /// <param name="streamStdout">True to read <see cref="StandardOutput"/> yourself instead of capturing it whole.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, bool streamStdout = false)
    {
        var arguments = args.ToArray();
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        return new ChildProcess(process, streamStdout) { CommandLine = string.Join(' ', [fileName, .. arguments]) };
    }

    /// <summary>
    /// Waits for the exit and returns the captured output; past <paramref name="timeout"/> the process tree is killed
    /// and a <see cref="TimeoutException"/> carries what it had printed.
    /// </summary>
    public async Task<ProcessOutcome> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{CommandLine} ran longer than {timeout.TotalSeconds:0} s and was killed; " +
                                       $"stdout: {Tail(await Drained(StdoutAsync()))} stderr: {Tail(await Drained(_stderr))}");
        }
        return new ProcessOutcome(_process.ExitCode, await Drained(StdoutAsync()), await Drained(_stderr));
    }

    /// <summary>Reads the next line of a streamed standard output, failing after <paramref name="timeout"/>.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            return await StandardOutput.ReadLineAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{CommandLine} printed no line within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL, …) to the process itself with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("cannot start kill");
        if (!kill.WaitForExit(TimeSpan.FromSeconds(30))) kill.Kill();
    }

    /// <summary>What the process wrote to standard error so far (complete once it has exited).</summary>
    public Task<string> StderrAsync() => _stderr;

    /// <summary>Kills the process and its descendants (SIGKILL) and waits for the exit.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { } // already gone
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(grace.Token); } catch (OperationCanceledException) { }
    }

    /// <summary>Kills the process tree when it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private Task<string> StdoutAsync() => _stdout ?? Task.FromResult("(streamed)");

    // A descendant that escaped the kill could hold the pipe open: never wait for it for long.
    private static async Task<string> Drained(Task<string> output)
    {
        try { return await output.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { return "(output pipe still held open by a descendant)"; }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : "…" + text[^2000..];
}
