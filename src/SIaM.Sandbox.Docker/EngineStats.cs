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
/// <param name="WorkerIdleFraction">
/// The share of its workers' time, from their first program on, spent waiting for the next request: near 0 when the host
/// keeps them fed (a saturated pool is then bound by the programs), high when the host or the callers are the bottleneck.
/// </param>
public sealed record EngineStats(
    EngineEndpoint Endpoint, int Workers, bool Alive, long Completed, long MovedAway, long WorkerFailures, double ProgramsPerSecond,
    string ImageId, string? LastError, double WorkerIdleFraction)
{
    /// <summary>The engine as shown in reports.</summary>
    public string Name => Endpoint.Name;
}
