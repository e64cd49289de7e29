namespace SIaM.Sandbox.Docker;

/// <summary>How the warm pool is run (the isolation limits themselves are in <c>SandboxPolicy</c>).</summary>
public sealed record DockerPoolOptions
{
    /// <summary>The default options: one worker per core, the image of this build, the engine of <c>DOCKER_HOST</c>.</summary>
    public static DockerPoolOptions Default { get; } = new();

    /// <summary>Number of long-lived worker containers; each runs one program at a time.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>The image to run; null means <see cref="SandboxImage.Tag"/> (the content version of this build).</summary>
    public string? Image { get; init; }

    /// <summary>The engine endpoint; null means <c>DOCKER_HOST</c>, else <c>unix:///var/run/docker.sock</c>.</summary>
    public string? DockerHost { get; init; }

    /// <summary>Seconds a new worker may take to start and pre-import sympy/numpy before it counts as failed.</summary>
    public double StartTimeoutSeconds { get; init; } = 60;

    /// <summary>Seconds beyond the program's wall-clock limit before a silent worker is declared hung and replaced.</summary>
    public double HangGraceSeconds { get; init; } = 10;

    /// <summary>Whether the pool removes its containers when the process gets SIGINT/SIGTERM or exits.</summary>
    public bool RemoveOnSignal { get; init; } = true;
}
