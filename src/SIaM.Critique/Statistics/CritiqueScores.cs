namespace SIaM.Critique.Statistics;

/// <summary>Rule, critic and combined scores of a benchmark, a suite or a whole run.</summary>
/// <param name="Graded">Samples with a rule verdict.</param>
/// <param name="RuleCorrect">Rule positives.</param>
/// <param name="RuleAccuracy">RuleCorrect / Graded.</param>
/// <param name="Ungradable">Graded samples whose reference the rule grader cannot parse.</param>
/// <param name="Judged">Samples with a critic outcome (asked, or invalid).</param>
/// <param name="CriticYes">Critic YES.</param>
/// <param name="CriticNo">Critic NO.</param>
/// <param name="Invalid">Responses with no answer at all (rules; the critic is not asked).</param>
/// <param name="Unparseable">Critic outputs with neither YES nor NO.</param>
/// <param name="CriticAccuracy">CriticYes / Judged; null when nothing was judged.</param>
/// <param name="CombinedCorrect">Correct under the scoring mode.</param>
/// <param name="CombinedAccuracy">CombinedCorrect / Graded.</param>
/// <param name="Matrix">Rule × critic agreement.</param>
/// <param name="Kappa">Cohen's κ of <paramref name="Matrix"/>.</param>
public sealed record CritiqueScores(
    int Graded,
    int RuleCorrect,
    double RuleAccuracy,
    int Ungradable,
    int Judged,
    int CriticYes,
    int CriticNo,
    int Invalid,
    int Unparseable,
    double? CriticAccuracy,
    int CombinedCorrect,
    double CombinedAccuracy,
    AgreementMatrix Matrix,
    double? Kappa);
