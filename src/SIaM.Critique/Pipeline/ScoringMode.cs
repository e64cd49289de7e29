namespace SIaM.Critique.Pipeline;

/// <summary>How rule and critic verdicts combine into a sample's score.</summary>
public enum ScoringMode
{
    /// <summary>The rule grader alone; the critic is not asked.</summary>
    Rule,
    /// <summary>The critic alone: every graded sample is asked; YES is correct.</summary>
    Critic,
    /// <summary>Rule positives are accepted; the critic is asked about rule negatives and ungradable samples only.</summary>
    Cascade,
    /// <summary>The critic is asked about every graded sample; combined as in <see cref="Cascade"/>.</summary>
    Both,
}
