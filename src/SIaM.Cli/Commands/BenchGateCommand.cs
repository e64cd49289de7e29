using System.CommandLine;
using SIaM.Reporting.Gating;

namespace SIaM.Cli.Commands;

/// <summary><c>siam bench gate [--trials N] [--seed S]</c>: validates the regression gate by simulation and prints the table.</summary>
internal static class BenchGateCommand
{
    private static readonly Option<int> Trials = new("--trials") { Description = "Trials per cell", DefaultValueFactory = _ => 2000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("gate", "Simulate the regression gate: false alarms on reruns of one model, power for a true 2-point drop (GSM8K-sized)");
        command.Options.Add(Trials);
        command.Options.Add(Seed);
        command.SetAction(result =>
        {
            var trials = result.GetValue(Trials);
            if (trials < 1) throw new UsageException($"--trials must be >= 1, got {trials}");
            Console.Write(GateValidationTable.Markdown(GateValidationTable.Compute(trials, result.GetValue(Seed))));
            return ExitCodes.Success;
        });
        return command;
    }
}
