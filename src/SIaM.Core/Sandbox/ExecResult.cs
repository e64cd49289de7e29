namespace SIaM.Core.Sandbox;

/// <summary>What running one program produced.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="ExitCode">The process exit code, when it exited.</param>
/// <param name="Stdout">Standard output (capped).</param>
/// <param name="Stderr">Standard error (capped; the traceback tail is kept).</param>
/// <param name="DurationMs">Wall-clock time of the program itself.</param>
/// <param name="Truncated">True when stdout or stderr hit its cap.</param>
public sealed record ExecResult(
    ExecStatus Status,
    int? ExitCode,
    string Stdout,
    string Stderr,
    double DurationMs,
    bool Truncated)
{
    /// <summary>A harness-side failure.</summary>
    public static ExecResult SandboxFailure(string why) => new(ExecStatus.SandboxFailure, null, "", why, 0, false);
}
