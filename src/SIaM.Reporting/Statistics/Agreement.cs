using SIaM.Core.Scoring;

namespace SIaM.Reporting.Statistics;

/// <summary>
/// The 2×2 agreement of two binary judges on the same samples (here the rule grader and the critic), with Cohen's κ.
/// </summary>
/// <param name="BothCorrect">Rule correct, critic YES.</param>
/// <param name="RuleOnly">Rule correct, critic NO.</param>
/// <param name="CriticOnly">Rule wrong, critic YES.</param>
/// <param name="BothWrong">Rule wrong, critic NO.</param>
public sealed record Agreement(int BothCorrect, int RuleOnly, int CriticOnly, int BothWrong)
{
    /// <summary>Samples both judged.</summary>
    public int Total => BothCorrect + RuleOnly + CriticOnly + BothWrong;

    /// <summary>Share of samples on which they agree (0 when there are none).</summary>
    public double Observed => Total == 0 ? 0 : (BothCorrect + BothWrong) / (double)Total;

    /// <summary>
    /// Cohen's κ (<see cref="CohensKappa"/>); null without samples or when chance agreement is 1 (both judges gave one
    /// and the same answer to everything).
    /// </summary>
    public double? Kappa => CohensKappa.Of(BothCorrect, RuleOnly, CriticOnly, BothWrong);

    /// <summary>Adds one sample judged <paramref name="rule"/> by the rule and <paramref name="critic"/> by the critic.</summary>
    public Agreement Add(bool rule, bool critic) => (rule, critic) switch
    {
        (true, true) => this with { BothCorrect = BothCorrect + 1 },
        (true, false) => this with { RuleOnly = RuleOnly + 1 },
        (false, true) => this with { CriticOnly = CriticOnly + 1 },
        _ => this with { BothWrong = BothWrong + 1 },
    };

    /// <summary>No samples.</summary>
    public static Agreement Empty { get; } = new(0, 0, 0, 0);
}
