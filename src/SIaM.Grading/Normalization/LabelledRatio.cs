namespace SIaM.Grading.Normalization;

/// <summary>"AB:CD = 3:4", "AB∶CD＝3∶4": a ratio after a label is the ratio. Pure.</summary>
internal static class LabelledRatio
{
    /// <summary>The quotient form of the ratio after the last top-level <c>=</c>, or null.</summary>
    public static string? AsQuotient(string text)
    {
        var sides = Braces.SplitTopLevel(text, "=");
        return sides.Count == 2 && sides[0].IndexOfAny([':', '∶']) >= 0 ? RatioForm.AsQuotient(sides[1]) : null;
    }
}
