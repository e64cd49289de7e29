using System.Globalization;

namespace SIaM.Data;

internal static class NumberFormat
{
    /// <summary>Integers without a fraction part, other values rounded to 15 significant digits (drops float noise).</summary>
    public static string Canonical(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                .ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Removes thousands separators: <c>1,234</c> → <c>1234</c> (only commas between digit groups).</summary>
    public static string WithoutThousands(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"(?<=\d),(?=\d{3}(\D|$))", "");
}
