namespace SIaM.Core.Backends;

/// <summary>The scores of one <see cref="ScoringRequest"/>, one per candidate, in candidate order.</summary>
/// <param name="Candidates">The scored candidates.</param>
public sealed record ScoringResult(IReadOnlyList<CandidateScore> Candidates)
{
    /// <summary>
    /// The probability of candidate <paramref name="index"/> renormalised over the candidates (a softmax over their
    /// log-probabilities); null when no candidate has a finite log-probability.
    /// </summary>
    public double? Renormalised(int index)
    {
        var max = Candidates.Max(c => c.LogProb);
        if (double.IsNegativeInfinity(max) || double.IsNaN(max)) return null;
        var total = Candidates.Sum(c => Math.Exp(c.LogProb - max));
        return Math.Exp(Candidates[index].LogProb - max) / total;
    }
}
