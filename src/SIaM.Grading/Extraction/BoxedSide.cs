using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>
/// <c>y = \boxed{-2x}</c>: a box around the right-hand side only. Against a reference that is an equation, the answer is
/// the whole equation <c>y = -2x</c>. Pure.
/// </summary>
public static partial class BoxedSide
{
    /// <summary><paramref name="boxed"/> with the left side written just before the last box, when there is one.</summary>
    public static string WithLeftSide(string text, string boxed)
    {
        if (boxed.Contains('=')) return boxed;
        var at = text.LastIndexOf(@"\boxed", StringComparison.Ordinal);
        if (at <= 0) return boxed;
        var before = text[Math.Max(0, at - 40)..at];
        return LeftSide().Match(before) is { Success: true } m ? m.Groups["lhs"].Value + " = " + boxed : boxed;
    }

    // "y = ", "f(x) = ", "y_1 = " right before the box, after a math opener or a space.
    [GeneratedRegex(@"(?:^|[\s$(])(?<lhs>[a-zA-Z](?:_\{?\w+\}?)?(?:\([a-z]\))?)\s*=\s*$")]
    private static partial Regex LeftSide();
}
