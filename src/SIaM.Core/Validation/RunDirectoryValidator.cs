using SIaM.Core.Runs;

namespace SIaM.Core.Validation;

/// <summary>
/// A run directory given as an argument: it exists and holds a <c>run.json</c> (the same messages as
/// <see cref="RunLog.Read"/>, found before any run is read).
/// </summary>
public sealed record RunDirectoryValidator(string Directory) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (!System.IO.Directory.Exists(Directory)) yield return new ValidationError($"{Directory}: no such run directory");
        else if (!File.Exists(Path.Combine(Directory, RunDirectory.IdentityFile)))
            yield return new ValidationError($"{Directory}: no {RunDirectory.IdentityFile}; not a SIaM run directory");
    }
}
