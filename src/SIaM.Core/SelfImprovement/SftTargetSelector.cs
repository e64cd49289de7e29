namespace SIaM.Core.SelfImprovement;

/// <summary>
/// SFT targets: accepted samples that ran to completion (status ok, no timeout), printed something, fit the length cap,
/// and are not duplicates of an earlier program for the same question (whitespace-insensitive). Order follows the input.
/// </summary>
public static class SftTargetSelector
{
    /// <summary>The selected candidates.</summary>
    public static IReadOnlyList<CandidateProgram> Select(IEnumerable<CandidateProgram> candidates, SelectionLimits limits)
    {
        var seen = new HashSet<(string, string)>();
        var perQuestion = new Dictionary<string, int>();
        var selected = new List<CandidateProgram>();
        foreach (var c in candidates)
        {
            if (!IsUsable(c, limits) || !c.Accepted) continue;
            if (!seen.Add((c.QuestionId, Canonical(c.Program!)))) continue;
            var count = perQuestion.GetValueOrDefault(c.QuestionId);
            if (count >= limits.MaxSftPerQuestion) continue;
            perQuestion[c.QuestionId] = count + 1;
            selected.Add(c);
        }
        return selected;
    }

    /// <summary>True when the sample ran cleanly, printed output and fits the cap (accepted or not).</summary>
    public static bool IsUsable(CandidateProgram c, SelectionLimits limits) =>
        c.Program is not null && c.Status == Sandbox.ExecStatus.Ok && c.Output.Trim().Length > 0 &&
        c.CompletionTokens > 0 && c.CompletionTokens <= limits.MaxCompletionTokens;

    /// <summary>The program with all whitespace removed (duplicate detection).</summary>
    public static string Canonical(string program) => string.Concat(program.Where(ch => !char.IsWhiteSpace(ch)));
}
