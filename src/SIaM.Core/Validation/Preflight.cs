namespace SIaM.Core.Validation;

/// <summary>Runs a command's validators, all of them, before the command starts any work.</summary>
public static class Preflight
{
    /// <summary>Every problem the validators find, in their order.</summary>
    public static IReadOnlyList<ValidationError> Collect(IEnumerable<IOptionValidator> validators) =>
        validators.SelectMany(v => v.Validate()).ToList();

    /// <summary>Throws an <see cref="InputException"/> (exit 2) naming every problem, or returns when there is none.</summary>
    public static void ThrowIfInvalid(IEnumerable<IOptionValidator> validators)
    {
        var errors = Collect(validators);
        if (errors.Count > 0) throw new InputException(string.Join("; ", errors.Select(e => e.Message)));
    }
}
