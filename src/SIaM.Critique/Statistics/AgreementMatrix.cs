using SIaM.Core.Scoring;

namespace SIaM.Critique.Statistics;

/// <summary>Rule × critic agreement over samples with a rule verdict and a critic YES or NO.</summary>
/// <param name="RuleYesCriticYes">Both say correct.</param>
/// <param name="RuleYesCriticNo">Rule correct, critic NO.</param>
/// <param name="RuleNoCriticYes">Rule wrong, critic YES (what the critic catches).</param>
/// <param name="RuleNoCriticNo">Both say wrong.</param>
public sealed record AgreementMatrix(int RuleYesCriticYes, int RuleYesCriticNo, int RuleNoCriticYes, int RuleNoCriticNo)
{
    /// <summary>No samples.</summary>
    public static AgreementMatrix Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Samples counted.</summary>
    public int N => RuleYesCriticYes + RuleYesCriticNo + RuleNoCriticYes + RuleNoCriticNo;

    /// <summary>Share of samples where both agree; null without samples.</summary>
    public double? Agreement => N == 0 ? null : (RuleYesCriticYes + RuleNoCriticNo) / (double)N;

    /// <summary>Cohen's κ (<see cref="CohensKappa"/>); null without samples or when chance agreement is 1.</summary>
    public double? Kappa => CohensKappa.Of(RuleYesCriticYes, RuleYesCriticNo, RuleNoCriticYes, RuleNoCriticNo);

    /// <summary>This matrix plus one sample.</summary>
    public AgreementMatrix Add(bool rule, bool critic) => (rule, critic) switch
    {
        (true, true) => this with { RuleYesCriticYes = RuleYesCriticYes + 1 },
        (true, false) => this with { RuleYesCriticNo = RuleYesCriticNo + 1 },
        (false, true) => this with { RuleNoCriticYes = RuleNoCriticYes + 1 },
        _ => this with { RuleNoCriticNo = RuleNoCriticNo + 1 },
    };

    /// <summary>The sum of two matrices.</summary>
    public AgreementMatrix Plus(AgreementMatrix other) => new(
        RuleYesCriticYes + other.RuleYesCriticYes, RuleYesCriticNo + other.RuleYesCriticNo,
        RuleNoCriticYes + other.RuleNoCriticYes, RuleNoCriticNo + other.RuleNoCriticNo);
}
