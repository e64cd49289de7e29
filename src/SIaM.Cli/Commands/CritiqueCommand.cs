using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Critique.Pipeline;
using SIaM.Evaluation.Sessions;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam critique RUN_DIR --critic SPEC</c>: adds critic verdicts to an existing run (beside its samples, under
/// <c>RUN_DIR/critique/CRITIC_ID/</c>), resumably, and prints rule / critic / combined accuracy, the agreement matrix and κ.
/// </summary>
internal static class CritiqueCommand
{
    private static readonly Argument<string> Run = new("RUN_DIR") { Description = "A run directory written by 'siam eval'" };
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Cases per critic call", DefaultValueFactory = _ => 16 };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Critic calls in flight", DefaultValueFactory = _ => 4 };
    private static readonly CriticCliOptions Critic = new(required: true, defaultScoring: ScoringMode.Both);

    public static Command Create()
    {
        var command = new Command("critique", "Add critic verdicts to a run and compare them with the rule grader's");
        command.Arguments.Add(Run);
        foreach (var option in new Option[] { Data, BatchSize, Concurrency }) command.Options.Add(option);
        Critic.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--batch-size", result.GetValue(BatchSize)),
                IntRangeValidator.Positive("--concurrency", result.GetValue(Concurrency)),
                DataOption.Validator(result.GetValue(Data)),
                Critic.Validator(result),
            ]);
            var request = Critic.Bind(result, result.GetValue(Data), result.GetValue(BatchSize), result.GetValue(Concurrency))!;
            await CritiqueSession.RunAsync(result.GetValue(Run)!, request, ConsoleEvalView.Instance, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
