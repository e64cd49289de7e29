using System.Globalization;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// What the pool's start-up probe measured and chose: the smallest worker count within
/// <see cref="WorkerProbe.Tolerance"/> of the best rate (on machines where fork is expensive one worker often does as
/// well as two, and then one is chosen).
/// </summary>
/// <param name="Candidates">Each worker count tried, in the order tried.</param>
/// <param name="Chosen">The worker count the pool kept.</param>
/// <param name="Seconds">Wall time of the whole probe.</param>
public sealed record WorkerProbeResult(IReadOnlyList<WorkerProbeCandidate> Candidates, int Chosen, double Seconds)
{
    /// <summary>One line for provenance and reports, e.g. <c>probe 1→41.2/s 2→55.0/s chose 2 (0.6 s)</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"probe {string.Join(" ", Candidates.Select(c => $"{c.Workers}→{c.ProgramsPerSecond:0.0}/s"))} chose {Chosen} ({Seconds:0.0} s)");
}
