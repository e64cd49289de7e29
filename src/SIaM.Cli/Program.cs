using System.CommandLine;
using SIaM.Cli;
using SIaM.Cli.Commands;
using SIaM.Core;

// A failure on a background thread still ends with one line, never "Unhandled exception" and a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Console.Error.WriteLine($"error: {FailureMessages.Describe((Exception)e.ExceptionObject)}");
    Environment.Exit(ExitCodes.Failure);
};

// The composition root: every verb is registered here, and only here.
var root = new RootCommand("SIaM — evaluation harness for code-assisted math reasoning of LLMs");
Command[] verbs =
[
    VersionCommand.Create(),
    EvalCommand.Create(),
    MergeCommand.Create(),
    CatalogCommand.Create(),
    CatalogCommand.CreateDeprecatedAlias(),
    DataCommand.Create(),
    BenchCommand.Create(),
    SandboxCommand.Create(),
    ExecCommand.Create(),
    ServeCommand.Create(),
    GenerateCommand.Create(),
    GradeCommand.Create(),
    SnapshotCommand.Create(),
    CompareCommand.Create(),
    ReportCommand.Create(),
    CritiqueCommand.Create(),
    CriticCommand.Create(),
    ImproveCommand.Create(),
    ContaminationCommand.Create(),
];
foreach (var verb in verbs) root.Subcommands.Add(verb);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in ParseErrors.Describe(parsed)) Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("Run 'siam --help' (or 'siam VERB --help') for usage.");
    return ExitCodes.Usage;
}
using var termination = new Termination();
try
{
    return await parsed.InvokeAsync(
        new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, termination.Token);
}
catch (Exception e) when (e is InputException or UsageException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Usage;
}
catch (OperationCanceledException) when (termination.Requested)
{
    Console.Error.WriteLine("cancelled");
    return termination.ExitCode;
}
catch (Exception e)
{
    // The last line of defence: one clear line, never "Unhandled exception" and a stack trace.
    Console.Error.WriteLine($"error: {FailureMessages.Describe(e)}");
    return termination.Requested ? termination.ExitCode : ExitCodes.Failure;
}
