using System.Security.Cryptography;
using System.Text.Json;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Fingerprints;

/// <summary>
/// SHA-256 of files, cached by full path, size and last-write time in one small JSON file, so a large checkpoint is
/// hashed once and then only when it changes. The cache lives in <c>$SIAM_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/siam</c>, else <c>~/.cache/siam</c> (<c>file-sha256.json</c>); an unreadable cache is ignored.
/// </summary>
public sealed class FileHashCache(string cacheFile)
{
    private readonly object _gate = new();
    private Dictionary<string, Entry>? _entries;

    /// <summary>The cache of this user.</summary>
    public static FileHashCache Default { get; } = new(Path.Combine(DefaultDirectory(), "file-sha256.json"));

    /// <summary>How many files were actually read and hashed (not answered from the cache).</summary>
    public int Hashed { get; private set; }

    /// <summary>The lowercase hex SHA-256 of <paramref name="path"/>'s content.</summary>
    public string Sha256(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new SIaM.Core.InputException($"{path}: no such file");
        var key = info.FullName;
        lock (_gate)
        {
            _entries ??= Load();
            if (_entries.TryGetValue(key, out var hit) && hit.Size == info.Length && hit.MtimeTicks == info.LastWriteTimeUtc.Ticks)
                return hit.Sha256;
        }
        string sha;
        using (var stream = File.OpenRead(path)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        lock (_gate)
        {
            Hashed++;
            _entries![key] = new Entry(info.Length, info.LastWriteTimeUtc.Ticks, sha);
            Save();
        }
        return sha;
    }

    private Dictionary<string, Entry> Load()
    {
        try
        {
            return File.Exists(cacheFile)
                ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(cacheFile), JsonFormat.Line) ?? []
                : [];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return []; }
    }

    private void Save()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
            AtomicFile.WriteText(
                cacheFile,
                JsonSerializer.Serialize(new SortedDictionary<string, Entry>(_entries!, StringComparer.Ordinal), JsonFormat.Document));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // a cache that cannot be written only costs time
    }

    private static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("SIAM_CACHE") is { Length: > 0 } siam) return siam;
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "siam");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "siam");
    }

    private sealed record Entry(long Size, long MtimeTicks, string Sha256);
}
