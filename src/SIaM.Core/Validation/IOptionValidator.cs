namespace SIaM.Core.Validation;

/// <summary>
/// One check of a command's options (or of a few that go together) that runs before any data, model, engine or HTTP
/// call, so that a typo ends a command at once rather than after hours of work. Validators read only the values given
/// to them and, at most, the file system's metadata or a small settings file.
/// </summary>
public interface IOptionValidator
{
    /// <summary>What is wrong; empty when the options are valid.</summary>
    IEnumerable<ValidationError> Validate();
}
