namespace SIaM.Cli;

/// <summary>
/// Checks an output directory before any work starts: it must not be a file, must be creatable and writable, and must
/// have room for at least a small file. A directory this check created is removed again, so a run refused later (bad
/// data, bad model spec) leaves nothing behind.
/// </summary>
internal static class OutputDirectory
{
    private const int ProbeBytes = 64 * 1024;

    public static void EnsureWritable(string path, string option)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new UsageException($"{option} {path} is a file, not a directory");
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent)) throw new UsageException($"{option} {path}: {parent} is a file, not a directory");

        var topCreated = TopMissing(full);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".siam-write-probe-{Environment.ProcessId}");
            try
            {
                using var stream = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose);
                stream.Write(new byte[ProbeBytes]);
                stream.Flush(flushToDisk: true);
            }
            finally
            {
                if (File.Exists(probe)) File.Delete(probe);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path} is not writable: {FailureMessages.Describe(e)}");
        }
        finally
        {
            if (topCreated is not null) TryRemoveEmpty(topCreated);
        }
    }

    private static string? TopMissing(string path)
    {
        string? top = null;
        for (var current = path; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
            top = current;
        return top;
    }

    private static void TryRemoveEmpty(string path)
    {
        try
        {
            if (Directory.Exists(path) && !Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Any())
                Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
