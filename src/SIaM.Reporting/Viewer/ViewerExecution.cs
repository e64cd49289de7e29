using SIaM.Core.Runs;

namespace SIaM.Reporting.Viewer;

/// <summary>One program run.</summary>
/// <param name="St">Status (ok, error, timeout, …).</param>
/// <param name="X">Exit code.</param>
/// <param name="O">Stdout.</param>
/// <param name="Er">Stderr, when not empty.</param>
/// <param name="Tr">True when the output was truncated.</param>
public sealed record ViewerExecution(string St, int? X, string O, string? Er, bool? Tr)
{
    /// <summary>The record as shown.</summary>
    public static ViewerExecution Of(ExecutionRecord e) =>
        new(ViewerSample.Snake(e.Status.ToString()), e.ExitCode, e.Stdout, e.Stderr.Length == 0 ? null : e.Stderr, e.Truncated ? true : null);
}
