using SIaM.Core.Runs;

namespace SIaM.Critique.Statistics;

/// <summary>One graded sample's verdicts, as the statistics read them.</summary>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="Rule">The rule verdict.</param>
/// <param name="Gradable">Whether the reference parses.</param>
/// <param name="Critic">The critic's outcome, when it judged the sample.</param>
/// <param name="Combined">The combined score under the mode.</param>
public sealed record ScoredSample(string Benchmark, bool Rule, bool Gradable, CriticOutcome? Critic, bool Combined);
