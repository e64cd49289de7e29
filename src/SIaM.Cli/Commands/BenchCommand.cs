using System.CommandLine;

namespace SIaM.Cli.Commands;

/// <summary><c>siam bench …</c>: side-by-side speed measurements that print a table.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed side by side and print a table");
        Command[] benches =
        [
            BenchSandboxCommand.Create(),
            BenchGenerateCommand.Create(),
            BenchTrainCommand.Create(),
            BenchCriticCommand.Create(),
            BenchGateCommand.Create(),
            BenchReportCommand.Create(),
            BenchEvalCommand.Create(),
        ];
        foreach (var bench in benches) command.Subcommands.Add(bench);
        return command;
    }
}
