namespace SIaM.Reporting.Viewer;

/// <summary>A run of the index.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Label">Its checkpoint label.</param>
/// <param name="Baseline">True for the baseline.</param>
/// <param name="Critic">The critic whose verdicts are shown, when one judged the run.</param>
public sealed record ViewerRun(string Name, string Label, bool? Baseline, string? Critic);
