using System.Globalization;
using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Critique.Prompts;

namespace SIaM.Critique.Critics;

/// <summary>
/// A critic that reads P(YES) from token probabilities: the log-probabilities of YES and NO after the critic prompt,
/// renormalised over the two. YES when P(YES) ≥ the threshold; unparseable when neither candidate could be scored.
/// </summary>
public sealed class ScoringCritic(ICandidateScorer scorer, CriticOptions options, IAsyncDisposable? owned = null) : ICritic
{
    /// <inheritdoc />
    public JsonObject Identity { get; } = CriticIdentity.Of("prob", scorer.Spec, options);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CriticJudgment>> JudgeAsync(IReadOnlyList<CritiqueCase> cases, CancellationToken cancellationToken)
    {
        var results = await scorer.ScoreAsync(cases.Select(c => CriticPrompt.Scoring(c, options)).ToArray(), cancellationToken).ConfigureAwait(false);
        return results.Select(Judge).ToArray();
    }

    private CriticJudgment Judge(ScoringResult result)
    {
        var raw = string.Join(" ", result.Candidates.Select(c => $"logp({c.Candidate.Trim()})={c.LogProb.ToString("R", CultureInfo.InvariantCulture)}"));
        if (result.Renormalised(0) is not { } pYes) return new CriticJudgment(CriticOutcome.Unparseable, null, raw, "neither YES nor NO could be scored");
        return new CriticJudgment(pYes >= options.Threshold ? CriticOutcome.Yes : CriticOutcome.No, pYes, raw);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
