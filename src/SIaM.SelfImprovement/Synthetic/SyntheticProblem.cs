using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Synthetic;

/// <summary>One generated word problem with its reference answer and a reference program that prints it.</summary>
/// <param name="Frame">The family's sentence frame.</param>
public sealed record SyntheticProblem(string Id, string Family, FamilyTier Tier, int Frame, Language Language, string Question, string Answer, string Program)
{
    /// <summary>
    /// What identifies the program whatever the names and objects: the family and the program text (the frame's
    /// expression and the values). Two frames of one family with the same expression and values are one program.
    /// </summary>
    public string ProgramKey => $"{Family}/{Program}";
}
