using System.Numerics;
using System.Text;

namespace SIaM.Data.Catalog;

/// <summary>
/// Evaluates a reference answer that a dataset stores as plain arithmetic (Ape210K <c>"(45+39)/(45-39)"</c>) exactly, to
/// an integer, a terminating decimal or <c>p/q</c>. Returns null for anything that is not + − × ÷ % and parentheses.
/// </summary>
internal sealed class ArithmeticAnswer
{
    private readonly string _text;
    private int _at;

    private ArithmeticAnswer(string text) => _text = text;

    public static string? Evaluate(string expression)
    {
        try
        {
            var parser = new ArithmeticAnswer(expression.Replace(" ", ""));
            var value = parser.Sum();
            return parser._at == parser._text.Length && value is { } v ? Format(v.N, v.D) : null;
        }
        catch (DivideByZeroException) { return null; }
    }

    private (BigInteger N, BigInteger D)? Sum()
    {
        var left = Product();
        while (left is not null && _at < _text.Length && _text[_at] is '+' or '-')
        {
            var plus = _text[_at++] == '+';
            if (Product() is not { } right) return null;
            var (n, d) = left.Value;
            left = Reduce(plus ? n * right.D + right.N * d : n * right.D - right.N * d, d * right.D);
        }
        return left;
    }

    private (BigInteger N, BigInteger D)? Product()
    {
        var left = Factor();
        while (left is not null && _at < _text.Length && _text[_at] is '*' or '/')
        {
            var times = _text[_at++] == '*';
            if (Factor() is not { } right) return null;
            var (n, d) = left.Value;
            left = times ? Reduce(n * right.N, d * right.D) : Reduce(n * right.D, d * right.N);
        }
        return left;
    }

    private (BigInteger N, BigInteger D)? Factor()
    {
        if (_at < _text.Length && _text[_at] == '-') { _at++; return Factor() is { } f ? (-f.N, f.D) : null; }
        (BigInteger N, BigInteger D)? value;
        if (_at < _text.Length && _text[_at] == '(')
        {
            _at++;
            value = Sum();
            if (_at >= _text.Length || _text[_at] != ')') return null;
            _at++;
        }
        else value = Number();
        if (value is { } v && _at < _text.Length && _text[_at] == '%') { _at++; value = Reduce(v.N, v.D * 100); }
        return value;
    }

    private (BigInteger N, BigInteger D)? Number()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.')) _at++;
        var literal = _text[start.._at];
        if (literal.Length == 0 || literal.Count(c => c == '.') > 1) return null;
        var dot = literal.IndexOf('.');
        var digits = literal.Replace(".", "");
        if (digits.Length == 0) return null;
        return Reduce(BigInteger.Parse(digits), dot < 0 ? 1 : BigInteger.Pow(10, literal.Length - dot - 1));
    }

    private static (BigInteger N, BigInteger D) Reduce(BigInteger n, BigInteger d)
    {
        if (d.IsZero) throw new DivideByZeroException();
        if (d.Sign < 0) (n, d) = (-n, -d);
        var g = BigInteger.GreatestCommonDivisor(n, d);
        return g.IsZero ? (n, d) : (n / g, d / g);
    }

    private static string Format(BigInteger n, BigInteger d)
    {
        if (d.IsOne) return n.ToString();
        var rest = d;
        var twos = 0;
        var fives = 0;
        while (rest % 2 == 0) { rest /= 2; twos++; }
        while (rest % 5 == 0) { rest /= 5; fives++; }
        if (!rest.IsOne) return $"{n}/{d}";
        var places = Math.Max(twos, fives);
        var scaled = BigInteger.Abs(n) * BigInteger.Pow(10, places) / d;
        var digits = scaled.ToString().PadLeft(places + 1, '0');
        var result = new StringBuilder(n.Sign < 0 ? "-" : "").Append(digits[..^places]).Append('.').Append(digits[^places..]);
        return result.ToString();
    }
}
