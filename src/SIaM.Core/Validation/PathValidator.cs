namespace SIaM.Core.Validation;

/// <summary>
/// A path option checked on the file system's metadata only: a file or a directory that must exist, or a file that a
/// command will write (not a directory, in a directory that exists). Absent (null) is valid.
/// </summary>
public sealed record PathValidator(string Option, string? Path, PathValidator.Expected Kind) : IOptionValidator
{
    /// <summary>What the path must be.</summary>
    public enum Expected
    {
        /// <summary>An existing file.</summary>
        File,

        /// <summary>An existing directory.</summary>
        Directory,

        /// <summary>A file to write: not a directory, and its directory exists.</summary>
        FileToWrite,
    }

    /// <summary>An existing file.</summary>
    public static PathValidator ExistingFile(string option, string? path) => new(option, path, Expected.File);

    /// <summary>An existing directory.</summary>
    public static PathValidator ExistingDirectory(string option, string? path) => new(option, path, Expected.Directory);

    /// <summary>A file the command will write.</summary>
    public static PathValidator FileToWrite(string option, string? path) => new(option, path, Expected.FileToWrite);

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (Path is null) yield break;
        var problem = Kind switch
        {
            Expected.File => System.IO.Directory.Exists(Path) ? "is a directory, not a file"
                : System.IO.File.Exists(Path) ? null : "no such file",
            Expected.Directory => System.IO.File.Exists(Path) ? "is a file, not a directory"
                : System.IO.Directory.Exists(Path) ? null : "no such directory",
            _ => WriteProblem(Path),
        };
        if (problem is not null) yield return new ValidationError($"{Option} {Path}: {problem}");
    }

    private static string? WriteProblem(string path)
    {
        if (System.IO.Directory.Exists(path)) return "is a directory, not a file to write";
        var parent = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return System.IO.Directory.Exists(parent) ? null
            : System.IO.File.Exists(parent) ? $"{parent} is a file, not a directory"
            : $"the directory {parent} does not exist";
    }
}
