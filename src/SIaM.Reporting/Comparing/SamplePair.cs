using SIaM.Core.Runs;

namespace SIaM.Reporting.Comparing;

/// <summary>The same sample in the base and the candidate run.</summary>
public sealed record SamplePair(SampleRecord Base, SampleRecord Candidate)
{
    /// <summary>Both samples got a verdict, so the pair counts toward accuracy.</summary>
    public bool Graded => Base.Correct is not null && Candidate.Correct is not null;
}
