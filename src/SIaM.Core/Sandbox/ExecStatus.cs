namespace SIaM.Core.Sandbox;

/// <summary>Verdict of running one program. Serialised in snake_case (<c>output_limit</c>, <c>sandbox_failure</c>).</summary>
public enum ExecStatus
{
    /// <summary>The program exited with code 0.</summary>
    Ok,
    /// <summary>The program raised an exception or exited non-zero.</summary>
    Error,
    /// <summary>The program exceeded its CPU-time or wall-clock limit.</summary>
    Timeout,
    /// <summary>The program exceeded its memory limit.</summary>
    Memory,
    /// <summary>The program wrote more than its output cap.</summary>
    OutputLimit,
    /// <summary>The program was killed by a signal it did not cause through a limit.</summary>
    Killed,
    /// <summary>The harness failed to run the program (our fault, never the model's).</summary>
    SandboxFailure,
}
