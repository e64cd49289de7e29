namespace SIaM.Sandbox.Docker;

/// <summary>How the warm pool is run (the isolation limits themselves are in <c>SandboxPolicy</c>).</summary>
public sealed record DockerPoolOptions
{
    /// <summary>The default options: one worker per core, the image of this build, the engine of <c>DOCKER_HOST</c>.</summary>
    public static DockerPoolOptions Default { get; } = new();

    /// <summary>Number of long-lived worker containers over all engines; each runs one program at a time.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// When true (and one engine is used), <see cref="Workers"/> is the most tried: the pool starts that many, times a
    /// short burst on 1, 2, 4, … of them (<c>WorkerProbe</c>, about 2 s here) and keeps the smallest count within 10%
    /// of the best rate. The result is in <c>DockerSandboxPool.Probe</c> and the pool's description.
    /// </summary>
    public bool ProbeWorkers { get; init; }

    /// <summary>The image to run; null means <see cref="SandboxImage.Tag"/> (the content version of this build).</summary>
    public string? Image { get; init; }

    /// <summary>
    /// One engine endpoint; null means <see cref="DockerHosts"/>, else <c>SIAM_DOCKER_HOSTS</c>, else <c>DOCKER_HOST</c>,
    /// else the local socket.
    /// </summary>
    public string? DockerHost { get; init; }

    /// <summary>Several engines (<see cref="EngineEndpoint"/> syntax, <c>ADDRESS[@WEIGHT]</c>); the workers are spread over them by weight.</summary>
    public IReadOnlyList<string> DockerHosts { get; init; } = [];

    /// <summary>Programs sent to a worker ahead of its replies: one runs, the others wait inside it (hides the round trip).</summary>
    public int PipelineDepth { get; init; } = 2;

    /// <summary>
    /// When a program waiting inside a worker (see <see cref="PipelineDepth"/>) has to move: once the program running
    /// ahead of it is slow by this rule, a copy goes ahead of the shared queue to the next free worker, and the first
    /// verdict wins (the other run's is discarded). Null keeps every program in the worker it was sent to.
    /// </summary>
    public StallRule? MoveStalled { get; init; } = new();

    /// <summary>
    /// Whether workers on a <c>unix://</c> engine get a direct channel: a unix socket bind-mounted into the container, so
    /// requests and replies skip dockerd and the container shim. A worker that cannot reach it (the engine is in a VM)
    /// falls back to the attach stream by itself; false forces the attach stream everywhere.
    /// </summary>
    public bool DirectChannel { get; init; } = true;

    /// <summary>Seconds a new worker may take to start and pre-import sympy/numpy before it counts as failed.</summary>
    public double StartTimeoutSeconds { get; init; } = 60;

    /// <summary>Seconds beyond the program's wall-clock limit before a silent worker is declared hung and replaced.</summary>
    public double HangGraceSeconds { get; init; } = 10;

    /// <summary>
    /// Whether the pool removes its containers as soon as the process gets SIGINT/SIGTERM. Set it to false where the
    /// caller turns those signals into a cancellation and disposes the pool itself (as <c>siam</c> does): removing the
    /// containers under a run that is still stopping would turn its programs in flight into sandbox failures. Containers
    /// are removed when the process exits either way.
    /// </summary>
    public bool RemoveOnSignal { get; init; } = true;
}
