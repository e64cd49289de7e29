using System.Security.Cryptography;

namespace SIaM.IntegrationTests.BadInput;

/// <summary>Every directory and file under a root, with each file's SHA-256: what a refused command must leave unchanged.</summary>
public sealed class DirectoryState
{
    private readonly SortedDictionary<string, string> _entries;

    private DirectoryState(SortedDictionary<string, string> entries) => _entries = entries;

    public static DirectoryState Capture(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path);
            entries[relative] = Directory.Exists(path) ? "<directory>" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        return new DirectoryState(entries);
    }

    /// <summary>The paths added, removed or changed since <paramref name="before"/>, each with what happened.</summary>
    public IReadOnlyList<string> ChangesSince(DirectoryState before) =>
        _entries.Keys.Union(before._entries.Keys).Order(StringComparer.Ordinal)
            .Select(path => (before._entries.GetValueOrDefault(path), _entries.GetValueOrDefault(path)) switch
            {
                (null, _) => $"{path} was written",
                (_, null) => $"{path} was removed",
                var (old, now) when old != now => $"{path} was changed",
                _ => null,
            })
            .OfType<string>()
            .ToList();
}
