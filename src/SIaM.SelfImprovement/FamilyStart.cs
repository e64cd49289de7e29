namespace SIaM.SelfImprovement;

/// <summary>
/// Where the policy starts on a new family (field <c>start</c> of iteration 1 in <c>iterations.json</c>): greedy accuracy
/// at iteration 0 and the pool questions that k samples solved in iteration 1. A family with no pool question solved
/// starts at zero: the loop finds nothing to accept and cannot learn it.
/// </summary>
/// <param name="Family">Family name.</param>
/// <param name="Language">Language.</param>
/// <param name="GreedyCorrect">Evaluation questions answered correctly at iteration 0.</param>
/// <param name="GreedyN">Evaluation questions of the family.</param>
/// <param name="PoolSolved">Pool questions with an accepted sample in iteration 1.</param>
/// <param name="PoolQuestions">Pool questions of the family.</param>
/// <param name="K">Samples per question.</param>
public sealed record FamilyStart(string Family, string Language, int GreedyCorrect, int GreedyN, int PoolSolved, int PoolQuestions, int K)
{
    /// <summary>No pool question of the family was solved by any of the k samples.</summary>
    public bool AtZero => PoolSolved == 0;

    /// <summary>The console warning for a family that starts at zero.</summary>
    public string Warning() =>
        $"WARNING: new family '{Family}' ({Language}) starts at zero: {PoolSolved}/{PoolQuestions} pool questions solved by k = {K} samples " +
        $"in iteration 1 (greedy {GreedyCorrect}/{GreedyN} at iteration 0); the loop has nothing to accept for it";

    /// <summary>The start of every new family, from the family scores of iterations 0 and 1.</summary>
    public static IReadOnlyList<FamilyStart> Of(IReadOnlyList<FamilyScore> iteration0, IReadOnlyList<FamilyScore> iteration1, int k) =>
        iteration1.Where(f => f.New && f.PoolQuestions is > 0).Select(f =>
        {
            var greedy = iteration0.FirstOrDefault(g => g.Family == f.Family && g.Language == f.Language);
            return new FamilyStart(f.Family, f.Language, greedy?.EvalCorrect ?? 0, greedy?.EvalN ?? 0, f.PoolSolved ?? 0, f.PoolQuestions ?? 0, k);
        }).ToList();
}
