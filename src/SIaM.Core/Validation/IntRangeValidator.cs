namespace SIaM.Core.Validation;

/// <summary>An integer option within <paramref name="Min"/> … <paramref name="Max"/> (no upper bound when null).</summary>
public sealed record IntRangeValidator(string Option, long? Value, long Min, long? Max = null) : IOptionValidator
{
    /// <summary>An option that must be &gt; 0.</summary>
    public static IntRangeValidator Positive(string option, long? value) => new(option, value, 1);

    /// <summary>An option that must be ≥ 0.</summary>
    public static IntRangeValidator NonNegative(string option, long? value) => new(option, value, 0);

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (Value is not { } value || (value >= Min && (Max is null || value <= Max))) yield break;
        yield return new ValidationError(Max is { } max
            ? $"{Option} must be from {Min} to {max}, got {value}"
            : $"{Option} must be {(Min == 1 ? "> 0" : Min == 0 ? "≥ 0" : $"≥ {Min}")}, got {value}");
    }
}
