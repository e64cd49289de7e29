using System.Globalization;

namespace SIaM.Cli;

/// <summary>Range checks for numeric options, shared by the verbs: a value out of range is a usage error (exit 2).</summary>
internal static class OptionChecks
{
    public static int Positive(int value, string name, bool allowZero = false) =>
        value > 0 || (allowZero && value == 0) ? value : throw new UsageException($"{name} must be {(allowZero ? "≥ 0" : "> 0")}, got {value}");

    public static double PositiveSeconds(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new UsageException($"{name} must be a number of seconds > 0, got {value.ToString(CultureInfo.InvariantCulture)}");
}
