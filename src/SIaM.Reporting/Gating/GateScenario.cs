namespace SIaM.Reporting.Gating;

/// <summary>
/// A simulated model on a benchmark: <paramref name="Problems"/> problems, mean accuracy <paramref name="Accuracy"/>;
/// a share <paramref name="Unstable"/> of problems is solved with a probability drawn uniformly from [0.1, 0.9] (their
/// outcome varies between reruns), the rest always or never. <paramref name="SamplesPerProblem"/> samples each.
/// </summary>
public sealed record GateScenario(int Problems, double Accuracy, double Unstable, int SamplesPerProblem);
