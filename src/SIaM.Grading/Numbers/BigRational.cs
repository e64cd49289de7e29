using System.Globalization;
using System.Numerics;

namespace SIaM.Grading.Numbers;

/// <summary>An exact rational number; the denominator is positive and coprime with the numerator.</summary>
public readonly record struct BigRational
{
    /// <summary>Numbers wider than this many bits are refused (callers fall back to floating point).</summary>
    public const int MaxBits = 1 << 16;

    public BigInteger Num { get; }
    public BigInteger Den { get; }

    private BigRational(BigInteger num, BigInteger den) { Num = num; Den = den; }

    public static BigRational Zero { get; } = new(0, 1);
    public static BigRational One { get; } = new(1, 1);

    public static BigRational FromInteger(BigInteger value) => new(value, 1);

    /// <summary>num/den reduced; null when den is zero or the result is too wide.</summary>
    public static BigRational? Create(BigInteger num, BigInteger den)
    {
        if (den.IsZero) return null;
        if (den.Sign < 0) { num = -num; den = -den; }
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsOne && !g.IsZero) { num /= g; den /= g; }
        if (num.IsZero) den = 1;
        if (num.GetBitLength() > MaxBits || den.GetBitLength() > MaxBits) return null;
        return new BigRational(num, den);
    }

    public bool IsInteger => Den.IsOne;
    public int Sign => Num.Sign;

    public static BigRational? operator +(BigRational a, BigRational b) => Create(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static BigRational? operator -(BigRational a, BigRational b) => Create(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static BigRational? operator *(BigRational a, BigRational b) => Create(a.Num * b.Num, a.Den * b.Den);
    public static BigRational? operator /(BigRational a, BigRational b) => Create(a.Num * b.Den, a.Den * b.Num);
    public static BigRational operator -(BigRational a) => new(-a.Num, a.Den);

    public BigRational Abs() => new(BigInteger.Abs(Num), Den);

    public int CompareTo(BigRational other) => (Num * other.Den).CompareTo(other.Num * Den);

    /// <summary>this^exponent for a small integer exponent; null when the result would be too wide.</summary>
    public BigRational? Pow(int exponent)
    {
        if (exponent == 0) return One;
        var bits = Math.Max(Num.GetBitLength(), Den.GetBitLength());
        if (bits * Math.Abs((long)exponent) > MaxBits) return null;
        var n = BigInteger.Pow(Num, Math.Abs(exponent));
        var d = BigInteger.Pow(Den, Math.Abs(exponent));
        return exponent > 0 ? Create(n, d) : Create(d, n);
    }

    public double ToDouble()
    {
        var value = (double)Num / (double)Den;
        if (double.IsFinite(value) && (value != 0 || Num.IsZero)) return value;
        // Scale both sides down so huge or tiny quotients still come out (as far as double can hold them).
        var shift = (long)Num.GetBitLength() - (long)Den.GetBitLength();
        var scaled = shift > 0 ? (double)(Num / BigInteger.Pow(2, (int)Math.Max(0, shift - 60)))
                                 / (double)Den
                               : (double)(Num * BigInteger.Pow(2, (int)Math.Max(0, -shift + 60))) / (double)Den;
        var exponent = shift > 0 ? Math.Max(0, shift - 60) : -Math.Max(0, -shift + 60);
        return scaled * Math.Pow(2, exponent);
    }

    /// <summary>Parses an integer, decimal or scientific literal such as <c>-12.50</c> or <c>1.5e-3</c>.</summary>
    public static BigRational? ParseDecimal(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 2000) return null;
        var exp = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp)
                || Math.Abs(exp) > 4000) return null;
            s = s[..e];
        }
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+')) s = s[1..];
        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var fracPart = dot >= 0 ? s[(dot + 1)..] : "";
        if (intPart.Length + fracPart.Length == 0) return null;
        foreach (var c in intPart) if (c is < '0' or > '9') return null;
        foreach (var c in fracPart) if (c is < '0' or > '9') return null;
        var digits = BigInteger.Parse((intPart + fracPart) is { Length: > 0 } all ? all : "0", CultureInfo.InvariantCulture);
        exp -= fracPart.Length;
        var ten = BigInteger.Pow(10, Math.Abs(exp));
        var r = exp >= 0 ? Create(digits * ten, 1) : Create(digits, ten);
        return negative && r is { } v ? -v : r;
    }

    public override string ToString() => Den.IsOne ? Num.ToString(CultureInfo.InvariantCulture)
        : $"{Num.ToString(CultureInfo.InvariantCulture)}/{Den.ToString(CultureInfo.InvariantCulture)}";
}
