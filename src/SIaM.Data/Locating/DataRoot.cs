using SIaM.Core;

namespace SIaM.Data;

/// <summary>Where data files are looked for: each file is taken from the first directory that has it.</summary>
/// <param name="Directories">Candidate data roots, in priority order.</param>
/// <param name="Source">How they were chosen (<c>--data</c>, <c>SIAM_DATA</c> or <c>search</c>), for messages.</param>
public sealed record DataRoot(IReadOnlyList<string> Directories, string Source)
{
    /// <summary>The full path of <paramref name="relativeFile"/> under the first directory that has it, or null.</summary>
    public string? Find(string relativeFile) =>
        Directories.Select(d => Path.Combine(d, relativeFile)).FirstOrDefault(File.Exists);

    /// <summary>The data file of <paramref name="spec"/>; throws <see cref="InputException"/> saying where it looked.</summary>
    public string Locate(BenchmarkSpec spec) =>
        Find(spec.DataFile) ?? throw new InputException(
            $"data file '{spec.DataFile}' of benchmark '{spec.Id}' not found; looked in ({Source}): {string.Join(", ", Directories)}. " +
            "Pass --data DIR, set SIAM_DATA, or run 'siam data fetch'.");
}
