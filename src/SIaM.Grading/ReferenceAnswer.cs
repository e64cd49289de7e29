using SIaM.Grading.Extraction;

namespace SIaM.Grading;

/// <summary>
/// The answer inside a reference written as a sentence ("Solution is: $(x, y)=(1, 2)$", "$\$ 200$ in total"): the math
/// after its copula, or its last math span. A reference without prose is returned as it is. Pure.
/// </summary>
public static class ReferenceAnswer
{
    /// <summary>The answer part of <paramref name="reference"/>.</summary>
    public static string Of(string reference)
    {
        if (reference.Length > 2000 || !SentenceMath.IsProse(reference)) return reference;
        var segments = MathSegments.All(reference);
        if (segments.Count == 0) return reference;
        return SentenceMath.Of(reference) is { Length: > 0 } math ? math : reference;
    }
}
