using SIaM.Core;

namespace SIaM.Data;

/// <summary>
/// Finds the data directories: <c>--data DIR</c>, else <c>SIAM_DATA</c>, else <c>./benchmarks-data</c> (per file) followed by
/// the first <c>shared/benchmarks-data</c> found walking up from the current directory and from the application directory.
/// </summary>
public static class DataLocator
{
    /// <summary>The environment variable naming a data directory.</summary>
    public const string EnvironmentVariable = "SIAM_DATA";

    /// <summary>Resolves the data root for this process.</summary>
    public static DataRoot Resolve(string? explicitDirectory) =>
        Resolve(explicitDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable),
            Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Resolves the data root from explicit inputs (what <see cref="Resolve(string?)"/> reads from the process).</summary>
    public static DataRoot Resolve(string? explicitDirectory, string? environmentValue, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Only(explicitDirectory, "--data");
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Only(environmentValue, EnvironmentVariable);

        var local = Path.GetFullPath(Path.Combine(currentDirectory, "benchmarks-data"));
        var candidates = new List<string>();
        if (Directory.Exists(local)) candidates.Add(local);
        var looked = new List<string> { local };
        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var shared = Path.Combine(dir.FullName, "shared", "benchmarks-data");
                if (Directory.Exists(shared))
                {
                    if (!candidates.Contains(shared)) candidates.Add(shared);
                    break;
                }
                looked.Add(shared);
            }
        }
        return candidates.Count > 0
            ? new DataRoot(candidates, "search")
            : throw new InputException(
                $"no benchmark data directory found; looked in: {string.Join(", ", looked.Distinct())}. " +
                $"Pass --data DIR or set {EnvironmentVariable}, or run 'siam data fetch'.");
    }

    private static DataRoot Only(string directory, string source)
    {
        var full = Path.GetFullPath(directory);
        return Directory.Exists(full)
            ? new DataRoot([full], source)
            : throw new InputException($"data directory '{full}' (from {source}) does not exist");
    }
}
