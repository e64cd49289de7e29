using System.Globalization;

namespace SIaM.Core.Validation;

/// <summary>
/// A real-valued option within a range; each bound is open or closed, and NaN or infinity is always refused.
/// <paramref name="Meaning"/> says what the number is ("a probability", "a significance level").
/// </summary>
public sealed record NumberRangeValidator(string Option, double Value, double Min, double Max, bool MinOpen, bool MaxOpen, string Meaning)
    : IOptionValidator
{
    /// <summary>A probability in [0, 1].</summary>
    public static NumberRangeValidator Probability(string option, double value) =>
        new(option, value, 0, 1, MinOpen: false, MaxOpen: false, "a probability");

    /// <summary>A significance level in (0, 1).</summary>
    public static NumberRangeValidator SignificanceLevel(string option, double value) =>
        new(option, value, 0, 1, MinOpen: true, MaxOpen: true, "a significance level");

    /// <summary>A finite number ≥ 0.</summary>
    public static NumberRangeValidator NonNegative(string option, double value, string meaning) =>
        new(option, value, 0, double.MaxValue, MinOpen: false, MaxOpen: false, meaning);

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        var inside = double.IsFinite(Value)
                     && (MinOpen ? Value > Min : Value >= Min)
                     && (MaxOpen ? Value < Max : Value <= Max);
        if (inside) yield break;
        var range = Max == double.MaxValue
            ? $"{(MinOpen ? ">" : "≥")} {Format(Min)}"
            : $"in {(MinOpen ? "(" : "[")}{Format(Min)}, {Format(Max)}{(MaxOpen ? ")" : "]")}";
        yield return new ValidationError($"{Option} must be {Meaning} {range}, got {Format(Value)}");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
