namespace SIaM.Core.Backends;

/// <summary>The log-probability of one candidate continuation.</summary>
/// <param name="Candidate">The candidate text.</param>
/// <param name="LogProb">Natural-log probability of the whole candidate after the prompt (sum over its tokens);
/// <see cref="double.NegativeInfinity"/> when the backend saw it nowhere among the tokens it reports.</param>
/// <param name="Tokens">The candidate's tokens with their log-probabilities, in order (empty when the backend does not say).</param>
public sealed record CandidateScore(string Candidate, double LogProb, IReadOnlyList<TokenLogProb> Tokens);

/// <summary>One token of a scored continuation.</summary>
/// <param name="Text">The token's text (the pieces of a candidate concatenate to its decoded text).</param>
/// <param name="LogProb">Natural-log probability of the token given everything before it.</param>
public sealed record TokenLogProb(string Text, double LogProb);
