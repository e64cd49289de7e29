using SIaM.Core.Benchmarks;

namespace SIaM.Core.Grading;

/// <summary>Decides whether an extracted answer equals a reference. Pure, total and bounded.</summary>
public interface IEquivalenceChecker
{
    /// <summary>Compares <paramref name="prediction"/> with the reference of <paramref name="problem"/>.</summary>
    Equivalence Compare(string prediction, Problem problem);
}
