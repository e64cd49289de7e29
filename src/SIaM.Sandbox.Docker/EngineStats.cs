namespace SIaM.Sandbox.Docker;

/// <summary>What one engine of a pool did: its workers, the programs it finished, and whether it is still usable.</summary>
/// <param name="Endpoint">The engine.</param>
/// <param name="Workers">Worker containers assigned to it.</param>
/// <param name="Alive">False once it stopped answering (its workers were given up and their programs moved elsewhere).</param>
/// <param name="Completed">Programs whose verdict came from this engine.</param>
/// <param name="MovedAway">Programs taken back from this engine's failed workers and queued again for any engine.</param>
/// <param name="WorkerFailures">Workers that died, hung or broke the protocol on this engine.</param>
/// <param name="ProgramsPerSecond">Completed programs over the time from the pool's first program to this engine's last.</param>
/// <param name="ImageId">The sandbox image id on this engine.</param>
/// <param name="LastError">Why it was given up, if it was.</param>
/// <param name="WorkerIdleSeconds">Time its workers waited for their next request, from each one's first program on.</param>
/// <param name="WorkerBusySeconds">Time its workers spent answering requests (program, limits, clean-up).</param>
public sealed record EngineStats(
    EngineEndpoint Endpoint, int Workers, bool Alive, long Completed, long MovedAway, long WorkerFailures, double ProgramsPerSecond,
    string ImageId, string? LastError, double WorkerIdleSeconds, double WorkerBusySeconds)
{
    /// <summary>
    /// The share of its workers' time spent waiting for the next request: near 0 when the host keeps them fed (a saturated
    /// pool is then bound by the programs themselves), high when the host or the callers are the bottleneck.
    /// </summary>
    public double WorkerIdleFraction => IdleFraction(WorkerIdleSeconds, WorkerBusySeconds);

    /// <summary>idle / (idle + busy), 0 when neither was measured.</summary>
    public static double IdleFraction(double idleSeconds, double busySeconds) =>
        idleSeconds + busySeconds > 0 ? idleSeconds / (idleSeconds + busySeconds) : 0;

    /// <summary>The engine as shown in reports.</summary>
    public string Name => Endpoint.Name;
}
