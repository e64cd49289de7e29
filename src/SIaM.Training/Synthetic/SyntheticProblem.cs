using SIaM.Core.Benchmarks;

namespace SIaM.Training.Synthetic;

/// <summary>One generated word problem with its reference answer and a reference program that prints it.</summary>
public sealed record SyntheticProblem(string Id, string Family, Language Language, bool InDomain, string Question, string Answer, string Program);
