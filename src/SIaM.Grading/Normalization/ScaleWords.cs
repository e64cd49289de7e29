using System.Numerics;
using System.Text;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Normalization;

/// <summary>
/// Scale words are multipliers, never units: <c>3 million</c> is 3000000, <c>5 dozen</c> 60, <c>3.5万</c> 35000,
/// <c>1万2千</c> 12000, <c>1.2亿</c> 120000000. English: hundred, thousand, million, billion, trillion, dozen, score
/// (also plural, chained: <c>5 hundred thousand</c>). Chinese: 十, 百, 千, 万, 亿 after an Arabic number, with further digits between
/// them; 千克, 千米, 百分, 十分 … are units or words, not multipliers. A run that ends in a bare number (<c>3万5</c>) is
/// ambiguous and left as it is. One linear pass, no regular expressions.
/// </summary>
public static class ScaleWords
{
    private const int MaxRun = 80;

    private static readonly Dictionary<string, int> English = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 2, ["thousand"] = 3, ["million"] = 6, ["billion"] = 9, ["trillion"] = 12, ["dozen"] = -12, ["score"] = -20,
    };

    /// <summary>The text with every number-and-scale run replaced by its value (<c>3 million people</c> → <c>3000000 people</c>).</summary>
    public static string Expand(string text)
    {
        if (!MayHaveScale(text)) return text;
        StringBuilder? sb = null;
        var copied = 0;
        foreach (var run in Runs(text))
        {
            sb ??= new StringBuilder(text.Length + 16);
            sb.Append(text, copied, run.Start - copied).Append(run.Value);
            copied = run.End;
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Every number-and-scale run of <paramref name="text"/>, in order, with its value as a decimal literal.</summary>
    public static IReadOnlyList<(int Start, int End, string Value)> Runs(string text)
    {
        var runs = new List<(int, int, string)>();
        if (!MayHaveScale(text)) return runs;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && GluedBefore(text[i - 1])))
            {
                i++;
                continue;
            }
            var numberEnd = NumberEnd(text, i);
            var run = EnglishRun(text, i, numberEnd) ?? ChineseRun(text, i, numberEnd);
            if (run is { } r)
            {
                runs.Add((i, r.End, r.Value));
                i = r.End;
            }
            else i = Math.Max(numberEnd, i + 1);
        }
        return runs;
    }

    private static bool MayHaveScale(string text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
            if (c is '十' or '百' or '千' or '万' or '亿' or 'h' or 'H' or 't' or 'T' or 'm' or 'M' or 'b' or 'B' or 'd' or 'D' or 's' or 'S')
                return text.Any(char.IsAsciiDigit);
        return false;
    }

    /// <summary>A digit right after a letter, digit, point, underscore, caret or brace is part of something else (x2, a_3, 10^3).</summary>
    private static bool GluedBefore(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '^' or '{' or '\\';

    /// <summary>End of the number at <paramref name="start"/>: digits, thousands groups (1,234) and a decimal part.</summary>
    private static int NumberEnd(string s, int start)
    {
        var i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        while (i < s.Length && i - start < 64 && s[i] == ',' && ThreeDigits(s, i + 1)) i += 4;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        }
        return i;
    }

    private static bool ThreeDigits(string s, int at) =>
        at + 3 <= s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2])
        && (at + 3 == s.Length || !char.IsAsciiDigit(s[at + 3]));

    private static (int End, string Value)? EnglishRun(string s, int start, int numberEnd)
    {
        var value = Decimal(s, start, numberEnd);
        if (value is null) return null;
        var end = -1;
        var at = numberEnd;
        for (var words = 0; words < 4; words++)
        {
            var w = at;
            while (w < s.Length && w - at < 3 && s[w] == ' ') w++;
            var wordEnd = w;
            while (wordEnd < s.Length && wordEnd - w < 10 && char.IsAsciiLetter(s[wordEnd])) wordEnd++;
            if (wordEnd == w || (wordEnd < s.Length && char.IsAsciiLetter(s[wordEnd]))) break;
            var word = s[w..wordEnd];
            if (!English.TryGetValue(word, out var scale) && !(word.Length > 5 && word.EndsWith('s') && English.TryGetValue(word[..^1], out scale))) break;
            value = scale > 0 ? value.Value * BigRational.FromInteger(BigInteger.Pow(10, scale)) : value.Value * BigRational.FromInteger(-scale);
            if (value is null) return null;
            end = at = wordEnd;
        }
        return end < 0 ? null : (end, Print(value!.Value));
    }

    /// <summary>3.5万, 1万2千, 3千万, 1亿2千万: Arabic numbers with 十百千万亿 between and after them.</summary>
    private static (int End, string Value)? ChineseRun(string s, int start, int numberEnd)
    {
        if (numberEnd >= s.Length || Unit(s, numberEnd) == 0) return null;
        if (s.IndexOf(',', start, numberEnd - start) >= 0) return null;
        BigRational? high = BigRational.Zero, low = BigRational.Zero, section = BigRational.Zero;
        var number = Decimal(s, start, numberEnd);
        var at = numberEnd;
        var pendingNumber = true;
        while (at < s.Length && at - start < MaxRun && number is not null && high is not null && low is not null && section is not null)
        {
            var unit = Unit(s, at);
            if (unit > 0)
            {
                var n = pendingNumber ? number.Value : BigRational.Zero;
                if (unit < 10_000) section = n * BigRational.FromInteger(unit) is { } part ? section.Value + part : null;
                else if (unit == 10_000) (low, section) = (Times(Sum(low.Value, section.Value, n), unit), BigRational.Zero);
                else (high, low, section) = (Times(Sum(high.Value, low.Value, section.Value, n), unit), BigRational.Zero, BigRational.Zero);
                pendingNumber = false;
                at++;
                continue;
            }
            var digitEnd = char.IsAsciiDigit(s[at]) ? NumberEnd(s, at) : ChineseDigits.Contains(s[at]) ? at + 1 : at;
            if (digitEnd == at || pendingNumber) break;
            // A number must be followed by its unit: "3万5" is ambiguous (35000 or 30005) and stays as it is.
            if (digitEnd >= s.Length || Unit(s, digitEnd) == 0) return null;
            number = char.IsAsciiDigit(s[at]) ? Decimal(s, at, digitEnd) : BigRational.FromInteger(ChineseDigitValue(s[at]));
            pendingNumber = true;
            at = digitEnd;
        }
        if (number is null || pendingNumber || high is null || low is null || section is null) return null;
        return Sum(high.Value, low.Value, section.Value) is { } total ? (at, Print(total)) : null;
    }

    private static BigRational? Sum(params BigRational[] values)
    {
        BigRational? total = BigRational.Zero;
        foreach (var v in values) total = total is { } t ? t + v : null;
        return total;
    }

    private static BigRational? Times(BigRational? value, int factor) => value is { } v ? v * BigRational.FromInteger(factor) : null;

    private const string ChineseDigits = "零〇一二两三四五六七八九";

    private static int ChineseDigitValue(char c) => c == '两' ? 2 : c == '〇' ? 0 : "零一二三四五六七八九".IndexOf(c);

    /// <summary>The multiplier of the character at <paramref name="at"/>, or 0 when it is not one there (千克 is a kilogram).</summary>
    private static int Unit(string s, int at)
    {
        var next = at + 1 < s.Length ? s[at + 1] : ' ';
        return s[at] switch
        {
            '十' when next is not ('分' or '足') => 10,
            '百' when next is not '分' => 100,
            '千' when next is not ('克' or '米' or '瓦' or '卡' or '帕' or '焦' or '赫' or '伏' or '字' or '兆') => 1000,
            '万' when next is not '一' => 10_000,
            '亿' => 100_000_000,
            _ => 0,
        };
    }

    private static BigRational? Decimal(string s, int start, int end) => BigRational.ParseDecimal(s[start..end].Replace(",", ""));

    /// <summary>An exact decimal literal (scale words only multiply by 12, 20 and powers of ten, so one always exists).</summary>
    private static string Print(BigRational value)
    {
        if (value.IsInteger) return value.ToString();
        var num = value.Num;
        var den = value.Den;
        var places = 0;
        while (!(num % den).IsZero && places < 40)
        {
            num *= 10;
            places++;
        }
        if (!(num % den).IsZero) return value.ToString();
        var digits = BigInteger.Abs(num / den).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
        var text = digits[..^places] + "." + digits[^places..];
        return (value.Sign < 0 ? "-" : "") + text.TrimEnd('0').TrimEnd('.');
    }
}
