namespace SIaM.Core.Validation;

/// <summary>An option whose value must be one of a few names.</summary>
public sealed record ChoiceValidator(string Option, string Value, IReadOnlyList<string> Allowed) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (Allowed.Contains(Value, StringComparer.Ordinal)) yield break;
        yield return new ValidationError($"unknown {Option} '{Value}': use {Names(Allowed)}");
    }

    /// <summary><c>a, b or c</c>.</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
}
