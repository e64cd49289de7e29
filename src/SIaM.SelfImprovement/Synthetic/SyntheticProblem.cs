using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Synthetic;

/// <summary>One generated word problem with its reference answer and a reference program that prints it.</summary>
/// <param name="Frame">The family's sentence frame.</param>
public sealed record SyntheticProblem(string Id, string Family, FamilyTier Tier, int Frame, Language Language, string Question, string Answer, string Program)
{
    /// <summary>What identifies the program whatever the names and objects: family, frame and values (the program text holds the values).</summary>
    public string ProgramKey => $"{Family}/{Frame}/{Program}";
}
