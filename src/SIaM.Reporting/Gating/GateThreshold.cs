namespace SIaM.Reporting.Gating;

/// <summary>
/// A drop fails the gate when it is larger than <paramref name="MaxDropPoints"/> (the practical floor) and its
/// family-adjusted p-value is below <paramref name="Alpha"/>.
/// </summary>
public sealed record GateThreshold(double MaxDropPoints, double Alpha);
