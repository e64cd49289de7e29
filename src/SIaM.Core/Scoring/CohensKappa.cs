namespace SIaM.Core.Scoring;

/// <summary>
/// Cohen's κ of two judges who each say yes or no to the same items: κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of
/// items they agree on and pₑ the agreement expected by chance from their two yes-rates. The one implementation in the
/// harness: the critique table, the report and the self-improvement filter comparison all call it, so they print the
/// same κ for the same verdicts.
/// </summary>
public static class CohensKappa
{
    /// <summary>
    /// κ of the 2×2 table (first judge's answer × second judge's answer). Null when it is undefined: no items, or
    /// pₑ = 1 (both judges gave one and the same answer to every item, so 0/0).
    /// </summary>
    public static double? Of(int yesYes, int yesNo, int noYes, int noNo)
    {
        double n = (long)yesYes + yesNo + noYes + noNo;
        if (n == 0) return null;
        var observed = (yesYes + noNo) / n;
        var firstYes = (yesYes + yesNo) / n;
        var secondYes = (yesYes + noYes) / n;
        var expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>κ of two verdict vectors of the same length (item i judged <c>first[i]</c> and <c>second[i]</c>).</summary>
    public static double? Of(IReadOnlyList<bool> first, IReadOnlyList<bool> second)
    {
        if (first.Count != second.Count) throw new ArgumentException($"κ needs verdicts on the same items: {first.Count} and {second.Count}");
        int yesYes = 0, yesNo = 0, noYes = 0, noNo = 0;
        for (var i = 0; i < first.Count; i++)
        {
            if (first[i] && second[i]) yesYes++;
            else if (first[i]) yesNo++;
            else if (second[i]) noYes++;
            else noNo++;
        }
        return Of(yesYes, yesNo, noYes, noNo);
    }
}
