namespace SIaM.Core.SelfImprovement;

/// <summary>An accepted and a rejected sample of the same question.</summary>
public sealed record CandidatePair(string QuestionId, CandidateProgram Chosen, CandidateProgram Rejected);

/// <summary>
/// Preference pairs: for each question, every distinct accepted program (as <see cref="SftTargetSelector"/> keeps them)
/// against every distinct rejected sample with a completion within the length cap, in input order, capped per
/// question. Questions where everything or nothing was accepted give no pairs.
/// </summary>
public static class PreferencePairSelector
{
    /// <summary>The pairs.</summary>
    public static IReadOnlyList<CandidatePair> Build(IEnumerable<CandidateProgram> candidates, SelectionLimits limits)
    {
        var all = candidates.ToList();
        var chosen = SftTargetSelector.Select(all, limits with { MaxSftPerQuestion = int.MaxValue }).GroupBy(c => c.QuestionId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var pairs = new List<CandidatePair>();
        foreach (var question in all.GroupBy(c => c.QuestionId))
        {
            if (!chosen.TryGetValue(question.Key, out var good)) continue;
            var seen = new HashSet<string>();
            var bad = question.Where(c => !c.Accepted && c.Completion.Trim().Length > 0 && c.CompletionTokens > 0 &&
                                          c.CompletionTokens <= limits.MaxCompletionTokens && seen.Add(SftTargetSelector.Canonical(c.Completion))).ToList();
            // Rejected samples in order, each against the next accepted program, so a cap spreads pairs over both.
            for (var j = 0; j < bad.Count && j < limits.MaxPairsPerQuestion; j++)
                pairs.Add(new CandidatePair(question.Key, good[j % good.Count], bad[j]));
        }
        return pairs;
    }
}
