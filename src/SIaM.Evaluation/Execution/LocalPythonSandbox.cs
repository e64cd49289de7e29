using System.Diagnostics;
using System.Text;
using SIaM.Core.Sandbox;

namespace SIaM.Evaluation.Execution;

/// <summary>
/// Runs programs as plain <c>python3</c> subprocesses on this machine, with a wall-clock limit and output caps but
/// <b>no isolation</b>. Only used when the user asks for it explicitly (<c>--sandbox local-unsafe</c>).
/// </summary>
public sealed class LocalPythonSandbox : ICodeSandbox
{
    private readonly SandboxPolicy _policy;
    private readonly string _python;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the executor; <paramref name="python"/> defaults to <c>$SIAM_PYTHON</c> or <c>python3</c>.</summary>
    public LocalPythonSandbox(SandboxPolicy policy, string? python = null, int? parallelism = null)
    {
        _policy = policy;
        _python = python ?? Environment.GetEnvironmentVariable("SIAM_PYTHON") ?? "python3";
        _slots = new SemaphoreSlim(parallelism ?? Environment.ProcessorCount);
    }

    /// <inheritdoc />
    public string Description => $"local-unsafe:{_python}";

    /// <inheritdoc />
    public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var scratch = Directory.CreateTempSubdirectory("siam-local-");
        try
        {
            return await RunAsync(code, scratch.FullName, cancellationToken);
        }
        finally
        {
            _slots.Release();
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private async Task<ExecResult> RunAsync(string code, string scratch, CancellationToken cancellationToken)
    {
        // The program comes on stdin, so tracebacks name "<stdin>", not a random scratch path: same code, same stderr.
        var start = new ProcessStartInfo(_python, ["-I", "-"])
        {
            WorkingDirectory = scratch,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONHASHSEED"] = "0";
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {_python}");
        var stdout = new CappedBuffer(_policy.StdoutLimitBytes, keepTail: false);
        var stderr = new CappedBuffer(_policy.StderrLimitBytes, keepTail: true);
        var readOut = stdout.ReadAllAsync(process.StandardOutput, () => Kill(process));
        var readErr = stderr.ReadAllAsync(process.StandardError, () => { });
        try
        {
            await process.StandardInput.WriteAsync(code);
            process.StandardInput.Close();
        }
        catch (IOException) { } // the interpreter is already gone; its exit code and stderr say why
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_policy.WallClockSeconds));
        var timedOut = false;
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        await Task.WhenAll(readOut, readErr);
        await process.WaitForExitAsync(CancellationToken.None);
        var status = timedOut ? ExecStatus.Timeout
            : stdout.Overflowed ? ExecStatus.OutputLimit
            : process.ExitCode == 0 ? ExecStatus.Ok
            : process.ExitCode > 128 || process.ExitCode < 0 ? ExecStatus.Killed
            : ExecStatus.Error;
        return new ExecResult(status, timedOut ? null : process.ExitCode, stdout.Text, stderr.Text,
            clock.Elapsed.TotalMilliseconds, stdout.Overflowed || stderr.Overflowed);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class CappedBuffer(int limit, bool keepTail)
    {
        private readonly StringBuilder _text = new();
        public bool Overflowed { get; private set; }
        public string Text => _text.ToString();

        public async Task ReadAllAsync(StreamReader reader, Action onOverflow)
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                _text.Append(buffer, 0, read);
                if (_text.Length <= limit) continue;
                if (!Overflowed && !keepTail) onOverflow();
                Overflowed = true;
                if (keepTail) _text.Remove(0, _text.Length - limit);
                else _text.Length = limit;
            }
        }
    }
}
