using System.Numerics;

namespace SIaM.Grading.Normalization;

/// <summary>Reads Chinese numerals (<c>一百零五</c>, <c>二分之一</c>, <c>百分之二十</c>, <c>三点五</c>) as plain math text.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零〇一二两三四五六七八九";
    private const string All = "零〇一二两三四五六七八九十百千万亿点负分之";

    public static bool Looks(string s) => s.Length > 0 && s.All(c => All.Contains(c)) && s.Any(c => c != '分' && c != '之');

    /// <summary>The number as ASCII math text (<c>105</c>, <c>1/2</c>, <c>20%</c>), or null.</summary>
    public static string? ToAscii(string s)
    {
        if (!Looks(s) || s.Length > 40) return null;
        var negative = s.StartsWith('负');
        if (negative) s = s[1..];
        string? result;
        if (s.StartsWith("百分之")) result = Decimal(s[3..]) is { } p ? p + "%" : null;
        else if (s.IndexOf("分之", StringComparison.Ordinal) is var k and > 0)
            result = Decimal(s[..k]) is { } den && Decimal(s[(k + 2)..]) is { } num ? $"{num}/{den}" : null;
        else result = Decimal(s);
        return result is null ? null : negative ? "-" + result : result;
    }

    private static string? Decimal(string s)
    {
        var dot = s.IndexOf('点');
        if (dot < 0) return Integer(s)?.ToString();
        if (Integer(s[..dot]) is not { } whole) return null;
        var frac = new System.Text.StringBuilder();
        foreach (var c in s[(dot + 1)..])
        {
            var d = Digit(c);
            if (d < 0) return null;
            frac.Append(d);
        }
        return frac.Length == 0 ? null : $"{whole}.{frac}";
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static BigInteger? Integer(string s)
    {
        if (s.Length == 0) return null;
        if (s.All(c => Digits.Contains(c)) && s.Length > 1)
            return BigInteger.Parse(string.Concat(s.Select(c => (char)('0' + Digit(c)))));
        BigInteger total = 0, section = 0, number = 0;
        var sawAny = false;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d >= 0) { number = d; sawAny = true; continue; }
            switch (c)
            {
                case '十': section += (number == 0 && !sawAny ? 1 : number) * 10; break;
                case '百': section += number * 100; break;
                case '千': section += number * 1000; break;
                case '万': total = (total + section + number) * 10_000; section = 0; break;
                case '亿': total = (total + section + number) * 100_000_000; section = 0; break;
                default: return null;
            }
            number = 0;
            sawAny = true;
        }
        return total + section + number;
    }
}
