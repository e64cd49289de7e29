using SIaM.Critique;
using SIaM.Critique.Pipeline;

namespace SIaM.Evaluation.Sessions;

/// <summary>A critique pass over a finished run.</summary>
/// <param name="CriticSpec">The critic spec as given (shown in the log).</param>
/// <param name="Scoring">How rule and critic verdicts are combined.</param>
/// <param name="CreateCritic">Builds the critic; called once, after the run's problems have loaded.</param>
/// <param name="DataDirectory">The data directory (null: the default lookup).</param>
/// <param name="BatchSize">Cases per critic call.</param>
/// <param name="Concurrency">Critic calls in flight.</param>
public sealed record CritiqueRequest(
    string CriticSpec, ScoringMode Scoring, Func<ICritic> CreateCritic, string? DataDirectory, int BatchSize, int Concurrency);
