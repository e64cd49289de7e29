namespace SIaM.SelfImprovement;

/// <summary>Greedy accuracy of a policy on one evaluation suite.</summary>
/// <param name="N">Questions.</param>
/// <param name="Correct">Questions whose program printed the reference answer (rule filter).</param>
/// <param name="Accuracy">Correct / N.</param>
/// <param name="StdErr">Binomial standard error sqrt(p(1−p)/N).</param>
/// <param name="MeanResponseTokens">Mean completion length in tokens.</param>
public sealed record SuiteScore(int N, int Correct, double Accuracy, double StdErr, double MeanResponseTokens);
