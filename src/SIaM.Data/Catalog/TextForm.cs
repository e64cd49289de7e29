using System.Text.RegularExpressions;

namespace SIaM.Data.Catalog;

/// <summary>Small canonicalisations of reference answer text.</summary>
internal static partial class TextForm
{
    /// <summary>Removes one pair of enclosing <c>$…$</c> when the whole text is a single inline formula.</summary>
    public static string StripDollars(string text)
    {
        var t = text.Trim();
        return t.Length >= 2 && t[0] == '$' && t[^1] == '$' && t.IndexOf('$', 1) == t.Length - 1 ? t[1..^1].Trim() : t;
    }

    /// <summary>Multiple-choice letters as one upper-case run: <c>"A B D"</c> → <c>"ABD"</c>.</summary>
    public static string Letters(string text) => new(text.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());

    /// <summary>ASDiv answers carry a unit in parentheses: <c>"9 (apples)"</c> → <c>"9"</c>.</summary>
    public static string WithoutUnit(string text) => TrailingUnit().Replace(text.Trim(), "").Trim();

    /// <summary>Leading zeros of an integer answer (AIME <c>"025"</c> → <c>"25"</c>).</summary>
    public static string WithoutLeadingZeros(string text) => LeadingZeros().Replace(text.Trim(), "");

    [GeneratedRegex(@"\s*\([^()]*[A-Za-z][^()]*\)$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"^0+(?=\d)")]
    private static partial Regex LeadingZeros();
}
