namespace SIaM.Core.Sandbox;

/// <summary>The isolation and resource limits for model-generated programs. Deny by default.</summary>
public sealed record SandboxPolicy
{
    /// <summary>The default policy.</summary>
    public static SandboxPolicy Default { get; } = new();

    /// <summary>CPU seconds a program may use (RLIMIT_CPU); the deterministic limit.</summary>
    public double CpuTimeSeconds { get; init; } = 10;

    /// <summary>Wall-clock seconds before a program is killed; generous, so scores do not depend on machine load.</summary>
    public double WallClockSeconds { get; init; } = 30;

    /// <summary>Bytes of stdout kept; beyond it output is truncated and flagged.</summary>
    public int StdoutLimitBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes of stderr kept (the tail, where the traceback is).</summary>
    public int StderrLimitBytes { get; init; } = 16 * 1024;

    /// <summary>Memory limit of a container (and address-space limit of a program) in MiB.</summary>
    public int MemoryMiB { get; init; } = 512;

    /// <summary>Maximum processes/threads in a container.</summary>
    public int PidsLimit { get; init; } = 64;

    /// <summary>CPU quota of a container, in cores.</summary>
    public double Cpus { get; init; } = 1;

    /// <summary>Size of the writable scratch tmpfs in MiB; the root filesystem is read-only.</summary>
    public int ScratchMiB { get; init; } = 64;

    /// <summary>The unprivileged user the program runs as (uid:gid).</summary>
    public string User { get; init; } = "65534:65534";

    /// <summary>Whether the container gets a network (never, by default: only loopback exists inside).</summary>
    public bool Network { get; init; }
}
