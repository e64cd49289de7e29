namespace SIaM.Reporting.Statistics;

/// <summary>
/// Exact McNemar test on paired binary outcomes: under "no change" each discordant pair is equally likely to go
/// either way, so the flips one way are Binomial(b + c, ½).
/// </summary>
public static class McNemar
{
    /// <summary>
    /// Two-sided exact p-value for <paramref name="correctToWrong"/> (b) and <paramref name="wrongToCorrect"/> (c)
    /// flips: min(1, 2·P[X ≤ min(b, c)]), X ~ Binomial(b + c, ½). 1 when there are no flips.
    /// </summary>
    public static double ExactPValue(int correctToWrong, int wrongToCorrect)
    {
        if (correctToWrong < 0 || wrongToCorrect < 0) throw new ArgumentOutOfRangeException(nameof(correctToWrong), "flip counts must be >= 0");
        var n = correctToWrong + wrongToCorrect;
        if (n == 0) return 1;
        var k = Math.Min(correctToWrong, wrongToCorrect);
        var tail = 0.0;
        for (var i = 0; i <= k; i++) tail += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
        return Math.Min(1, 2 * tail);
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++) sum += Math.Log(n - k + i) - Math.Log(i);
        return sum;
    }
}
