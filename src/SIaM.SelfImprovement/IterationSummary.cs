namespace SIaM.SelfImprovement;

/// <summary>How many items each stage of an iteration produced.</summary>
/// <param name="Questions">Pool questions sampled.</param>
/// <param name="Samples">Completions drawn (questions × k).</param>
/// <param name="WithProgram">Completions that contained a program.</param>
/// <param name="RanOk">Programs that exited cleanly.</param>
/// <param name="Accepted">Accepted samples per filter (rule, critic).</param>
/// <param name="Sft">SFT targets selected (accepted, deduplicated, capped).</param>
/// <param name="Pairs">Preference pairs built.</param>
/// <param name="QuestionsSolved">Pool questions with at least one accepted sample.</param>
/// <param name="Refused">Training examples (SFT targets, pair sides, seed programs) refused because they overlap an
/// evaluation item (see <c>contamination.json</c>); the counts above are after refusal.</param>
public sealed record StageCounts(int Questions, int Samples, int WithProgram, int RanOk, IReadOnlyDictionary<string, int> Accepted, int Sft, int Pairs,
    int QuestionsSolved,
    int Refused = 0);

/// <summary>One row of <c>iterations.json</c>: iteration 0 is the starting policy (evaluation only).</summary>
/// <param name="Families">Per (family, language) counts when the questions have families (the demo); otherwise null.</param>
/// <param name="Start">Iteration 1 only, with families: where the policy started on each new family.</param>
/// <param name="Control">With <c>--control</c>: the control arm's greedy accuracy per suite (k = 0: seed programs alone, same steps).</param>
/// <param name="Gain">With <c>--control</c>, from iteration 1: loop minus control per suite, paired per question (exact McNemar).</param>
public sealed record IterationSummary(
    int Iteration,
    string Algorithm,
    StageCounts? Counts,
    double? TrainLoss,
    int? TrainSteps,
    IReadOnlyDictionary<string, SuiteScore> Accuracy,
    double MeanResponseTokens,
    IReadOnlyList<FamilyScore>? Families = null,
    IReadOnlyList<FamilyStart>? Start = null,
    IReadOnlyDictionary<string, SuiteScore>? Control = null,
    IReadOnlyDictionary<string, PairedGain>? Gain = null);
