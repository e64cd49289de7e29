using System.CommandLine;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Reporting.Snapshots;

namespace SIaM.Cli.Commands;

/// <summary><c>siam snapshot save RUN_DIR --name NAME</c>: stores a normalised run under <c>reports/snapshots/NAME/</c>.</summary>
internal static class SnapshotCommand
{
    private static readonly Argument<string> Run = new("RUN_DIR") { Description = "The run directory to snapshot" };
    private static readonly Option<string> Name = new("--name") { Description = "Snapshot name (letters, digits, . _ -)", Required = true };
    internal static readonly Option<string> Root = new("--snapshots")
    {
        Description = "Folder of snapshots",
        DefaultValueFactory = _ => SnapshotStore.DefaultRoot,
    };

    public static Command Create()
    {
        var save = new Command("save", "Save a run as a compact, normalised snapshot that can be committed and compared against");
        save.Arguments.Add(Run);
        save.Options.Add(Name);
        save.Options.Add(Root);
        save.SetAction(result =>
        {
            // Every option is checked before the run is read or anything is written.
            Preflight.ThrowIfInvalid(
            [
                new RunDirectoryValidator(result.GetValue(Run)!),
                new RequirementValidator(!SnapshotStore.IsValidName(result.GetValue(Name)!),
                    $"snapshot name '{result.GetValue(Name)}' must match [A-Za-z0-9][A-Za-z0-9._-]*"),
                new CheckValidator(() => OutputDirectory.EnsureWritable(result.GetValue(Root)!, "--snapshots")),
            ]);
            var store = new SnapshotStore(result.GetValue(Root)!);
            var run = RunLog.Read(result.GetValue(Run)!);
            var path = store.Save(run, result.GetValue(Name)!);
            var bytes = SnapshotStore.SizeOf(path);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"snapshot: {path} ({run.Samples.Count} samples, {bytes} bytes, {(run.Samples.Count == 0 ? 0 : bytes / (double)run.Samples.Count):0.0} " +
                $"bytes/sample)"));
            return ExitCodes.Success;
        });
        var command = new Command("snapshot", "Named snapshots of runs (reports/snapshots/NAME)");
        command.Subcommands.Add(save);
        return command;
    }
}
