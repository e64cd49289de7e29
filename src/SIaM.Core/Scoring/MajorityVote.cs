namespace SIaM.Core.Scoring;

/// <summary>
/// maj@k: the answer most of the first k samples agree on, where agreement is the grader's own equivalence.
/// Samples without an answer do not vote. Answers are grouped greedily in sample order: each answer joins the first
/// group whose first answer it is equivalent to, else starts a new group. Ties between groups of equal size go to the
/// group whose first member has the lowest sample index (the earliest answer). No vote at all counts as wrong.
/// </summary>
public static class MajorityVote
{
    /// <summary>A vote: the sample's extracted answer (null: no answer) and whether the grader found it correct.</summary>
    public readonly record struct Ballot(string? Answer, bool Correct);

    /// <summary>
    /// Whether the majority answer among <paramref name="ballots"/> (in sample order) is correct, comparing answers with
    /// <paramref name="equivalent"/>.
    /// </summary>
    public static bool IsCorrect(IReadOnlyList<Ballot> ballots, Func<string, string, bool> equivalent) =>
        Winner(ballots, equivalent) is { } winner && ballots[winner].Correct;

    /// <summary>The index of the first ballot of the winning group, or null when nobody voted.</summary>
    public static int? Winner(IReadOnlyList<Ballot> ballots, Func<string, string, bool> equivalent)
    {
        var groups = new List<(int First, int Size)>();
        for (var i = 0; i < ballots.Count; i++)
        {
            if (ballots[i].Answer is not { } answer) continue;
            var group = groups.FindIndex(g => ballots[g.First].Answer == answer || equivalent(ballots[g.First].Answer!, answer));
            if (group < 0) groups.Add((i, 1));
            else groups[group] = (groups[group].First, groups[group].Size + 1);
        }
        if (groups.Count == 0) return null;
        var best = groups[0];
        foreach (var g in groups.Skip(1))
            if (g.Size > best.Size) best = g; // strictly larger: ties keep the earlier group
        return best.First;
    }
}
