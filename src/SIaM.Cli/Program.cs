using System.CommandLine;
using SIaM.Cli;
using SIaM.Cli.Commands;
using SIaM.Core;

// The composition root: every verb is registered here, and only here.
var root = new RootCommand("SIaM — evaluation harness for code-assisted math reasoning of LLMs");
Command[] verbs =
[
    VersionCommand.Create(),
    EvalCommand.Create(),
    BenchmarksCommand.Create(),
    DataCommand.Create(),
    BenchCommand.Create(),
    SandboxCommand.Create(),
    ExecCommand.Create(),
    ServeCommand.Create(),
    GenerateCommand.Create(),
    GradeCommand.Create(),
    ImproveCommand.Create(),
];
foreach (var verb in verbs) root.Subcommands.Add(verb);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'siam --help' (or 'siam VERB --help') for usage.");
    return ExitCodes.Usage;
}
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is InputException or UsageException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Usage;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return ExitCodes.Cancelled;
}
