namespace SIaM.SelfImprovement;

/// <summary>One question family in one language at one iteration (field <c>families</c> of <c>iterations.json</c>).</summary>
/// <param name="Family">Family name (<c>price</c>).</param>
/// <param name="Language">Language (<c>en</c>, <c>zh</c>).</param>
/// <param name="New">The seed programs never show the family (out-of-domain).</param>
/// <param name="EvalN">Evaluation questions of the family.</param>
/// <param name="EvalCorrect">Of those, answered correctly by greedy decoding.</param>
/// <param name="PoolQuestions">Pool questions of the family sampled this iteration; null at iteration 0.</param>
/// <param name="PoolSolved">Of those, questions with at least one sample accepted by the filter that selects data.</param>
public sealed record FamilyScore(string Family, string Language, bool New, int EvalN, int EvalCorrect, int? PoolQuestions, int? PoolSolved, string Tier = "");
