using System.CommandLine;
using SIaM.Cli.Commands;

// The composition root: every verb is registered here, and only here.
var root = new RootCommand("SIaM — evaluation harness for code-assisted math reasoning of LLMs");
Command[] verbs =
[
    VersionCommand.Create(),
    BenchCommand.Create(),
];
foreach (var verb in verbs) root.Subcommands.Add(verb);
return await root.Parse(args).InvokeAsync();
