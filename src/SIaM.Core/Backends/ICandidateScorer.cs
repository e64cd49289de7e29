namespace SIaM.Core.Backends;

/// <summary>
/// A backend that can read token probabilities: the log-probability of each candidate continuation after a prompt.
/// Batched: results come back in request order. Backends that only produce text do not implement it; critics then fall
/// back to parsing generated text.
/// </summary>
public interface ICandidateScorer
{
    /// <summary>The spec of the scoring model (recorded in a critic's identity).</summary>
    string Spec { get; }

    /// <summary>Scores every candidate of every request, in request order.</summary>
    /// <exception cref="InputException">The backend cannot score (e.g. a server that returns no log-probabilities).</exception>
    Task<IReadOnlyList<ScoringResult>> ScoreAsync(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken);
}
