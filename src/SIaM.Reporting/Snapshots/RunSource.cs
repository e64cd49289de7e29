using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;

namespace SIaM.Reporting.Snapshots;

/// <summary>Resolves a command-line argument that names a run: a run directory, or the name of a saved snapshot.</summary>
public static class RunSource
{
    /// <summary>Reads the run; an argument that is neither is an <see cref="InputException"/> listing the snapshots.</summary>
    public static NamedRun Load(string argument, SnapshotStore snapshots)
    {
        if (File.Exists(Path.Combine(argument, RunDirectory.IdentityFile)))
            return new NamedRun(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(argument))), RunLog.Read(argument));
        if (snapshots.Find(argument) is { } directory) return new NamedRun(argument, RunLog.Read(directory));
        var names = snapshots.Names();
        throw new InputException($"'{argument}' is neither a run directory (no {RunDirectory.IdentityFile}) nor a snapshot in {snapshots.Root}" +
                                 (names.Count > 0 ? $" (snapshots: {string.Join(", ", names)})" : " (no snapshots saved)"));
    }
}
