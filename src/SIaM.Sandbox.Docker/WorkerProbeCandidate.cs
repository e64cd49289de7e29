namespace SIaM.Sandbox.Docker;

/// <summary>One worker count tried by the start-up probe and the rate its burst reached.</summary>
/// <param name="Workers">Workers the burst was spread over.</param>
/// <param name="ProgramsPerSecond">Probe programs over the burst's wall time.</param>
public sealed record WorkerProbeCandidate(int Workers, double ProgramsPerSecond);
