using System.Globalization;
using System.Text.RegularExpressions;

namespace SIaM.Data.Tests.Support;

/// <summary>Parses the numeric answer forms of the data (1,234 · 3/4 · 2(1/3) · 25% · 5:6) for oracle comparisons.</summary>
internal static partial class Numeric
{
    public static double? Parse(string text)
    {
        var t = text.Trim().TrimEnd('.').Replace("$", "").Replace(" ", "");
        t = Regex.Replace(t, @"(?<=\d),(?=\d{3})", "");
        if (t.EndsWith('%')) return Parse(t[..^1]) / 100;
        if (t.StartsWith('(') && t.EndsWith(')') && t.IndexOf('(', 1) < 0) t = t[1..^1];
        if (Mixed().Match(t) is { Success: true } m)
            return Sign(m) * (D(m.Groups[2].Value) + D(m.Groups[3].Value) / D(m.Groups[4].Value));
        if (Ratio().Match(t) is { Success: true } r) return Sign(r) * D(r.Groups[2].Value) / D(r.Groups[3].Value);
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= 1e-4 * Math.Max(Math.Abs(expected), 1e-8);

    private static double Sign(Match m) => m.Groups[1].Value == "-" ? -1 : 1;

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(-?)(\d+)\((\d+)/(\d+)\)$")]
    private static partial Regex Mixed();

    [GeneratedRegex(@"^(-?)(\d+(?:\.\d+)?)[/:](\d+(?:\.\d+)?)$")]
    private static partial Regex Ratio();
}
