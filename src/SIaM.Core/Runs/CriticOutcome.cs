namespace SIaM.Core.Runs;

/// <summary>What a critic said about one sample.</summary>
public enum CriticOutcome
{
    /// <summary>The result is consistent with the reference.</summary>
    Yes,
    /// <summary>The result is not consistent with the reference.</summary>
    No,
    /// <summary>The response has no answer at all (empty, truncated, looping): found by rules, the critic is not asked.</summary>
    Invalid,
    /// <summary>The critic's output names neither YES nor NO (never read as a NO).</summary>
    Unparseable,
}
