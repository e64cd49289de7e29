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

    /// <summary>
    /// Reads several runs, naming each run directory by the shortest end of its path that no other argument shares
    /// (<c>iter-0/eval/en-seed</c> beside <c>iter-1/eval/en-seed</c>); the same run given twice is an error.
    /// </summary>
    public static IReadOnlyList<NamedRun> LoadAll(IReadOnlyList<string> arguments, SnapshotStore snapshots)
    {
        var runs = arguments.Select(a => Load(a, snapshots)).ToList();
        var parts = arguments.Select(a => Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)).Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            if (!File.Exists(Path.Combine(arguments[i], RunDirectory.IdentityFile))) continue; // a snapshot keeps its own name
            for (var depth = 1; depth <= parts[i].Length; depth++)
            {
                var name = string.Join('/', parts[i][^depth..]);
                if (runs.Where((_, j) => j != i).All(r => r.Name != name) && Enumerable.Range(0, runs.Count).Where(j => j != i)
                        .All(j => parts[j].Length < depth || string.Join('/', parts[j][^depth..]) != name))
                {
                    runs[i] = runs[i] with { Name = name };
                    break;
                }
            }
        }
        if (runs.Select(r => r.Name).Distinct().Count() != runs.Count)
            throw new InputException(
                $"the same run is given twice ({string.Join(", ", runs.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key))})");
        return runs;
    }
}
