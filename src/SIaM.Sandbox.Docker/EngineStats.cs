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
public sealed record EngineStats(
    EngineEndpoint Endpoint, int Workers, bool Alive, long Completed, long MovedAway, long WorkerFailures, double ProgramsPerSecond,
    string ImageId, string? LastError)
{
    /// <summary>The engine as shown in reports.</summary>
    public string Name => Endpoint.Name;
}
