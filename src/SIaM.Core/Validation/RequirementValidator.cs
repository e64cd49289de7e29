namespace SIaM.Core.Validation;

/// <summary>A combination of options that does not work: when <paramref name="Violated"/> holds, <paramref name="Message"/> says why.</summary>
public sealed record RequirementValidator(bool Violated, string Message) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (Violated) yield return new ValidationError(Message);
    }
}
