namespace SIaM.Reporting.Viewer;

/// <summary>A flip: <paramref name="Bs"/> and <paramref name="Cs"/> index the samples of the base and candidate runs.</summary>
/// <param name="A">Its anchor, shared with <c>diff.md</c>.</param>
/// <param name="K">correct_to_wrong, wrong_to_correct or changed_output.</param>
/// <param name="B">The benchmark.</param>
/// <param name="Id">The problem id.</param>
/// <param name="I">The problem index.</param>
/// <param name="S">The sample index.</param>
/// <param name="F">True when it counts against a row the gate failed.</param>
/// <param name="Bs">Position in the base run's samples.</param>
/// <param name="Cs">Position in the candidate run's samples.</param>
public sealed record ViewerFlip(string A, string K, string B, string Id, int I, int S, bool? F, int Bs, int Cs);
