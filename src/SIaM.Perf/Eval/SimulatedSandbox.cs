using System.Globalization;
using SIaM.Core.Sandbox;

namespace SIaM.Perf.Eval;

/// <summary>
/// An executor for the simulated model's programs: it waits the run time written in the program (<c># sim: N ms</c>) and
/// prints the program's <c>print(…)</c> argument, or waits the time limit and reports a time-out (<c># sim: timeout</c>).
/// It has no worker limit, so it measures the scheduler alone; <c>siam bench sandbox</c> measures the real pools.
/// </summary>
public sealed class SimulatedSandbox(TimeSpan timeLimit) : ICodeSandbox
{
    /// <inheritdoc />
    public string Description => $"simulated (time limit {timeLimit.TotalSeconds:0.##} s)";

    /// <inheritdoc />
    public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Contains("# sim: timeout", StringComparison.Ordinal))
        {
            await Task.Delay(timeLimit, cancellationToken).ConfigureAwait(false);
            return new ExecResult(ExecStatus.Timeout, null, "", "", timeLimit.TotalMilliseconds, false);
        }
        var marker = code.IndexOf("# sim: ", StringComparison.Ordinal);
        var milliseconds = marker < 0 ? 0 : int.Parse(code[(marker + 7)..code.IndexOf(" ms", marker, StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        await Task.Delay(milliseconds, cancellationToken).ConfigureAwait(false);
        var print = code.IndexOf("print(", StringComparison.Ordinal);
        var stdout = print < 0 ? "" : code[(print + 6)..code.IndexOf(')', print)] + "\n";
        return new ExecResult(ExecStatus.Ok, 0, stdout, "", milliseconds, false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
