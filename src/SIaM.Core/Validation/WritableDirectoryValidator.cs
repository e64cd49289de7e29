namespace SIaM.Core.Validation;

/// <summary>
/// An output directory option (absent is valid): the path must not be a file, must be creatable and writable, and must
/// have room for at least a small file. A directory this check created is removed again, so a command refused later
/// (bad data, bad model spec) leaves nothing behind.
/// </summary>
public sealed record WritableDirectoryValidator(string Option, string? Path) : IOptionValidator
{
    private const int ProbeBytes = 64 * 1024;

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate() => Path is null ? [] : Problem(Path) is { } problem ? [new ValidationError(problem)] : [];

    private string? Problem(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full)) return $"{Option} {path} is a file, not a directory";
        for (var parent = System.IO.Path.GetDirectoryName(full); parent is not null; parent = System.IO.Path.GetDirectoryName(parent))
            if (File.Exists(parent)) return $"{Option} {path}: {parent} is a file, not a directory";

        var topCreated = TopMissing(full);
        try
        {
            Directory.CreateDirectory(full);
            var probe = System.IO.Path.Combine(full, $".siam-write-probe-{Environment.ProcessId}");
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
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Option} {path} is not writable: {FailureMessages.Describe(e)}";
        }
        finally
        {
            if (topCreated is not null) TryRemoveEmpty(topCreated);
        }
    }

    private static string? TopMissing(string path)
    {
        string? top = null;
        for (var current = path; current is not null && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
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
