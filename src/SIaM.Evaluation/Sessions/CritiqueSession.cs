using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;
using SIaM.Evaluation.Runs;

namespace SIaM.Evaluation.Sessions;

/// <summary>
/// Runs a critic over a finished run directory (<c>siam critique</c>, and <c>siam eval --critic</c> after its run):
/// reads the run, loads the problems it was made of, builds the critic, judges, and reports the scores.
/// </summary>
public static class CritiqueSession
{
    /// <summary>Judges the run in <paramref name="runDirectory"/>; its verdicts and scores go under <c>critique/CRITIC_ID/</c>.</summary>
    public static async Task<CritiqueResults> RunAsync(string runDirectory, CritiqueRequest request, ICritiqueView view,
        CancellationToken cancellationToken)
    {
        var run = RunLog.Read(runDirectory);
        var problems = RunProblems.Load(run, request.DataDirectory);
        await using var critic = request.CreateCritic();
        var inputs = new CritiqueInputs(critic, request.Scoring, problems, SIaM.Data.Suites.All, request.BatchSize, request.Concurrency);
        view.Note($"siam critique: {runDirectory} with {request.CriticSpec} ({request.Scoring.ToString().ToLowerInvariant()})");
        var results = await CritiqueRunner.RunAsync(run, inputs, null, cancellationToken);
        view.Critiqued(results, CritiqueRunner.DirectoryOf(runDirectory, critic));
        return results;
    }
}
