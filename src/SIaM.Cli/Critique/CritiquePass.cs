using System.CommandLine;
using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;

namespace SIaM.Cli.Critique;

/// <summary>Runs the critic over a finished run directory and prints its table (used by <c>critique</c> and <c>eval --critic</c>).</summary>
internal static class CritiquePass
{
    public static async Task<CritiqueResults> RunAsync(string runDirectory, string? dataDirectory, CriticCliOptions options, ParseResult result,
        int batchSize, int concurrency, CancellationToken cancellationToken)
    {
        var mode = result.GetValue(options.Scoring);
        var run = RunLog.Read(runDirectory);
        var problems = RunProblems.Load(run, dataDirectory);
        await using var critic = options.Create(result);
        var inputs = new CritiqueInputs(critic, mode, problems, SIaM.Data.Suites.All, batchSize, concurrency);
        Console.Error.WriteLine($"siam critique: {runDirectory} with {result.GetValue(options.Critic)} ({mode.ToString().ToLowerInvariant()})");
        var results = await CritiqueRunner.RunAsync(run, inputs, null, cancellationToken);
        CritiqueTable.Print(results, CritiqueRunner.DirectoryOf(runDirectory, critic));
        return results;
    }
}
