namespace SIaM.SelfImprovement.Critic;

/// <summary>
/// Whole numbers from 0 to 99 written out, as a program might print them: English (<c>forty-two</c>) and Chinese
/// (<c>四十二</c>). The demo critic's data uses them for results that state the right value with no digit in them. Pure.
/// </summary>
public static class NumberWords
{
    /// <summary>The largest number written out.</summary>
    public const int Max = 99;

    private static readonly string[] EnOnes =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] EnTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private const string ZhDigits = "零一二三四五六七八九";

    /// <summary><paramref name="n"/> in English words: <c>7</c> → <c>seven</c>, <c>42</c> → <c>forty-two</c>.</summary>
    public static string En(int n)
    {
        Check(n);
        if (n < 20) return EnOnes[n];
        return n % 10 == 0 ? EnTens[n / 10] : $"{EnTens[n / 10]}-{EnOnes[n % 10]}";
    }

    /// <summary><paramref name="n"/> in Chinese numerals: <c>7</c> → <c>七</c>, <c>12</c> → <c>十二</c>, <c>40</c> → <c>四十</c>.</summary>
    public static string Zh(int n)
    {
        Check(n);
        if (n < 10) return ZhDigits[n].ToString();
        var tens = n / 10 == 1 ? "十" : ZhDigits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + ZhDigits[n % 10];
    }

    private static void Check(int n)
    {
        if (n is < 0 or > Max) throw new ArgumentOutOfRangeException(nameof(n), n, $"only 0–{Max} are written out");
    }
}
