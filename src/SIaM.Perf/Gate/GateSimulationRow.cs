using SIaM.Reporting.Gating;

namespace SIaM.Perf.Gate;

/// <summary>One line of the gate's validation table.</summary>
/// <param name="Scenario">The simulated model.</param>
/// <param name="Threshold">The gate's settings.</param>
/// <param name="Trials">Trials per column.</param>
/// <param name="FalseAlarm">Share of reruns of the same model that failed the gate.</param>
/// <param name="Power">Share of candidates with a true drop of <paramref name="TrueDropPoints"/> that failed the gate.</param>
/// <param name="TrueDropPoints">The true drop of the candidate in the power column.</param>
/// <param name="MeanFlips">Mean number of flipped sample pairs between two reruns.</param>
public sealed record GateSimulationRow(
    GateScenario Scenario,
    GateThreshold Threshold,
    int Trials,
    double FalseAlarm,
    double Power,
    double TrueDropPoints,
    double MeanFlips);
