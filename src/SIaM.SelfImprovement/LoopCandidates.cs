using SIaM.Core.SelfImprovement;

namespace SIaM.SelfImprovement;

/// <summary>Joins an iteration's samples and verdicts into the candidates the selectors take. Pure.</summary>
public static class LoopCandidates
{
    /// <summary>The candidates as judged by <paramref name="filter"/>.</summary>
    public static IReadOnlyList<CandidateProgram> Of(IReadOnlyList<LoopSample> samples, IReadOnlyList<LoopVerdict> verdicts, string filter) =>
        samples.Zip(verdicts, (s, v) => new CandidateProgram(s.QuestionId, s.SampleIndex, s.Completion, v.Program, v.Status, v.Output,
            v.Accepted.GetValueOrDefault(filter), s.CompletionTokens)).ToList();
}
