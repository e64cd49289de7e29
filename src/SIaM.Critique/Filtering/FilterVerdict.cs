using SIaM.Core.Runs;

namespace SIaM.Critique.Filtering;

/// <summary>
/// A critic filter's verdict on one executed program (a line of its cache file): <paramref name="Key"/> names the
/// (question, program, output) judged.
/// </summary>
public sealed record FilterVerdict(string Key, CriticOutcome Outcome, double? PYes, string Raw, string? Reason)
{
    /// <summary>Only a YES accepts; NO, invalid and unparseable reject.</summary>
    public bool Accepted => Outcome == CriticOutcome.Yes;
}
