using System.Diagnostics;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>(c) a bare local interpreter per program: no isolation at all, for scale only (never for model code).</summary>
public sealed class LocalProcessRunner(string python) : IProgramRunner
{
    public string Name => $"bare {python} per program";

    public async Task<ExecResult> RunAsync(string code, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        start.Environment["PYTHONHASHSEED"] = "0";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var status = process.ExitCode == 0 ? ExecStatus.Ok : ExecStatus.Error;
        return new ExecResult(status, process.ExitCode, await stdout, await stderr, stopwatch.Elapsed.TotalMilliseconds, false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
