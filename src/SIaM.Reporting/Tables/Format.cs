using System.Globalization;

namespace SIaM.Reporting.Tables;

/// <summary>How numbers are written in every rendering: invariant culture, fixed decimals.</summary>
public static class Format
{
    /// <summary>An integer.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with two decimals, no sign.</summary>
    public static string Pct(double value) => (100 * value).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A difference in percentage points with an explicit sign.</summary>
    public static string Points(double value) => (100 * value).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>A fraction with up to six decimals (machine-readable files).</summary>
    public static string Fraction(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A p-value with four decimals, or <c>&lt;0.0001</c>.</summary>
    public static string P(double value) => value < 1e-4 ? "<0.0001" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
