using SIaM.Core.Runs;

namespace SIaM.Critique.Pipeline;

/// <summary>Which samples the critic is asked about, and how verdicts combine, per <see cref="ScoringMode"/>. Pure.</summary>
public static class CascadePolicy
{
    /// <summary>True when the critic must judge a sample with rule verdict <paramref name="rule"/> (null: not graded).</summary>
    public static bool ShouldAsk(ScoringMode mode, bool? rule, bool gradable) => rule is not null && mode switch
    {
        ScoringMode.Rule => false,
        ScoringMode.Cascade => rule == false || !gradable,
        _ => true,
    };

    /// <summary>The combined score; null when the sample has no rule verdict (not graded).</summary>
    public static bool? Combine(ScoringMode mode, bool? rule, bool gradable, CriticOutcome? critic) => rule is null ? null : mode switch
    {
        ScoringMode.Rule => rule,
        ScoringMode.Critic => critic == CriticOutcome.Yes,
        _ => (gradable && rule == true) || critic == CriticOutcome.Yes,
    };
}
