using SIaM.Core;
using SIaM.Core.Validation;

namespace SIaM.Cli;

/// <summary>
/// A check written as code that throws on bad input (<see cref="InputException"/> or <see cref="UsageException"/>), as a
/// validator: its message becomes the validation error, so that <see cref="Preflight"/> reports it with the others.
/// </summary>
internal sealed class CheckValidator(Action check) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        try
        {
            check();
            return [];
        }
        catch (Exception e) when (e is InputException or UsageException)
        {
            return [new ValidationError(e.Message)];
        }
    }
}
