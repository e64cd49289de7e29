using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>What a soak run found; a healthy sandbox has zero of every count.</summary>
/// <param name="Programs">Programs run.</param>
/// <param name="WrongVerdicts">Programs whose verdict or output was not the expected one.</param>
/// <param name="LeakedProcesses">Processes left in the pool's containers besides the workers, after the run.</param>
/// <param name="LeakedContainers">Sandbox containers of the pool left after it was disposed.</param>
/// <param name="Replacements">Workers replaced during the run.</param>
/// <param name="Seconds">Wall-clock time of the run.</param>
/// <param name="Examples">A few wrong verdicts, for the report.</param>
public sealed record SoakReport(
    int Programs,
    int WrongVerdicts,
    int LeakedProcesses,
    int LeakedContainers,
    int Replacements,
    double Seconds,
    IReadOnlyList<string> Examples);
