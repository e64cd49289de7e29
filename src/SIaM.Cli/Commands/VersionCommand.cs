using System.CommandLine;
using System.Reflection;

namespace SIaM.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the harness version");
        command.SetAction(_ =>
        {
            Console.WriteLine(typeof(VersionCommand).Assembly.GetName().Version?.ToString(3));
            return 0;
        });
        return command;
    }
}
