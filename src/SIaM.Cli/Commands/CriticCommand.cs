using System.CommandLine;

namespace SIaM.Cli.Commands;

/// <summary><c>siam critic …</c>: calibrate a critic on labelled cases, or build critic training data from runs.</summary>
internal static class CriticCommand
{
    public static Command Create()
    {
        var command = new Command("critic", "Calibrate a critic, build critic training data, or train a critic on it");
        command.Subcommands.Add(CriticCalibrateCommand.Create());
        command.Subcommands.Add(CriticDataCommand.Create());
        command.Subcommands.Add(CriticTrainCommand.Create());
        command.Subcommands.Add(CriticDemoCommand.Create());
        return command;
    }
}
