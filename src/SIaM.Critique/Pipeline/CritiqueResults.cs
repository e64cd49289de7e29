using System.Text.Json.Nodes;
using SIaM.Critique.Statistics;

namespace SIaM.Critique.Pipeline;

/// <summary>The content of a critique's <c>results-MODE.json</c>.</summary>
/// <param name="SchemaVersion">Bumped on incompatible changes.</param>
/// <param name="Mode">The scoring mode.</param>
/// <param name="CriticId">The critic's short id (its folder name).</param>
/// <param name="Critic">The critic's identity.</param>
/// <param name="Asked">Samples the critic judged in this pass (not from the verdict cache).</param>
/// <param name="Overall">Scores over the whole run.</param>
/// <param name="Benchmarks">Scores per benchmark.</param>
/// <param name="Suites">Scores per suite the run touches.</param>
public sealed record CritiqueResults(
    int SchemaVersion,
    ScoringMode Mode,
    string CriticId,
    JsonObject Critic,
    int Asked,
    CritiqueScores Overall,
    IReadOnlyDictionary<string, CritiqueScores> Benchmarks,
    IReadOnlyDictionary<string, CritiqueScores> Suites)
{
    /// <summary>The schema version written.</summary>
    public const int CurrentSchemaVersion = 1;
}
