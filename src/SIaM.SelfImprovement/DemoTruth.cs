using System.Globalization;
using System.Text.RegularExpressions;

namespace SIaM.SelfImprovement;

/// <summary>
/// The synthetic fixture's ground truth for an executed program: the last line it printed states exactly one number
/// (a fraction <c>a/b</c> counts as its value; thousands separators, units, labels and signs such as <c>%</c> or
/// <c>$</c> around it are ignored) and that number equals the numeric reference (relative tolerance 1e-6). This is how
/// the demo measures a filter's precision and recall; it is more lenient than the rule filter by design. Pure.
/// </summary>
public static partial class DemoTruth
{
    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}\b)")]
    private static partial Regex ThousandsSeparator();

    /// <summary>True when <paramref name="output"/> states the reference's value.</summary>
    public static bool Correct(string reference, string output)
    {
        var lines = output.TrimEnd().Split('\n');
        var last = ThousandsSeparator().Replace(lines[^1], "");
        var matches = Number().Matches(last);
        if (matches.Count != 1 || Value(matches[0].Value) is not { } got) return false;
        if (Value(reference.Trim()) is not { } want) return false;
        return Math.Abs(got - want) <= 1e-6 * Math.Max(1, Math.Abs(want));
    }

    private static double? Value(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2) return null;
        if (!double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        if (parts.Length == 1) return value;
        if (!double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator) || denominator == 0) return null;
        return value / denominator;
    }
}
