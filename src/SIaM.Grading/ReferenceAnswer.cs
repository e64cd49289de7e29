using System.Text.RegularExpressions;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;

namespace SIaM.Grading;

/// <summary>
/// The answer inside a reference written as a sentence ("Solution is: $(x, y)=(1, 2)$", "$\$ 200$ in total"): the math
/// after its copula, or its last math span; a sentence of several words with one number and no math ("The bulb should be
/// placed 0.625 centimeters above the vertex"), that number. A reference without prose is returned as it is. Pure.
/// </summary>
public static partial class ReferenceAnswer
{
    /// <summary>The answer part of <paramref name="reference"/>.</summary>
    public static string Of(string reference)
    {
        if (reference.Length > 2000 || !ProseHint().IsMatch(reference) || !SentenceMath.IsProse(reference)) return reference;
        var segments = MathSegments.All(reference);
        if (segments.Count == 0) return SingleNumber(reference) ?? reference;
        return SentenceMath.Of(reference) is { Length: > 0 } math ? math : reference;
    }

    private static string? SingleNumber(string reference)
    {
        if (reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 5) return null;
        var numbers = StandaloneNumber().Matches(ScaleWords.Expand(reference));
        return numbers.Count == 1 ? numbers[0].Value : null;
    }

    // A word of three letters that is not a command (\frac), or a CJK character: only then can it be a sentence.
    [GeneratedRegex(@"(?<![\\a-zA-Z])[a-zA-Z]{3,}|[\u4e00-\u9fff]")]
    private static partial Regex ProseHint();

    [GeneratedRegex(@"(?<![\w.\-])-?\d+(?:\.\d+)?(?![\w.]*\d)")]
    private static partial Regex StandaloneNumber();
}
