namespace SIaM.SelfImprovement;

/// <summary>Per-family counts of one iteration, from its greedy answers and (after iteration 0) its verdicts.</summary>
public static class FamilyScores
{
    /// <summary>
    /// One score per (family, language) in the order the evaluation answers first name them, then pool-only families;
    /// questions without a family are left out.
    /// </summary>
    public static IReadOnlyList<FamilyScore> Of(IReadOnlyDictionary<string, QuestionFamily> families, IReadOnlyList<EvalRecord> eval,
        IReadOnlyList<LoopVerdict>? verdicts, string filter)
    {
        var keys = eval.Select(r => r.QuestionId).Concat(verdicts?.Select(v => v.QuestionId) ?? [])
            .Select(id => families.GetValueOrDefault(id)).OfType<QuestionFamily>().Distinct().ToList();
        return keys.Select(key =>
        {
            var answers = eval.Where(r => families.GetValueOrDefault(r.QuestionId) == key).ToList();
            var pool = verdicts?.Where(v => families.GetValueOrDefault(v.QuestionId) == key).GroupBy(v => v.QuestionId).ToList();
            return new FamilyScore(key.Family, key.Language, key.New, answers.Count, answers.Count(r => r.Correct),
                pool?.Count, pool?.Count(q => q.Any(v => v.Accepted.GetValueOrDefault(filter))), key.Tier);
        }).ToList();
    }
}
