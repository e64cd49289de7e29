namespace SIaM.Data.Oracle;

/// <summary>The helpers every oracle program starts with: exact fractions and printing in the reference's style.</summary>
internal static class PythonPrelude
{
    public const string Text = """
        from fractions import Fraction as F
        import math


        def _lcm(*xs):
            r = 1
            for x in xs:
                r = r * int(x) // math.gcd(r, int(x))
            return r


        def _gcd(*xs):
            r = 0
            for x in xs:
                r = math.gcd(r, int(x))
            return r


        def _decimal(x):
            x = float(x)
            if x == int(x) and abs(x) < 1e15:
                return str(int(x))
            s = '%.12g' % x
            return repr(x) if 'e' in s else s


        def _show(v, style):
            if isinstance(v, bool):
                v = int(v)
            if style == 'percent':
                v = v * 100
            if isinstance(v, F) and v.denominator == 1:
                s = str(v.numerator)
            elif isinstance(v, F) and style == 'fraction':
                s = '%d/%d' % (v.numerator, v.denominator)
            elif isinstance(v, (int, float, F)):
                s = _decimal(v)
            else:
                s = str(v)
            return s + '%' if style == 'percent' else s

        """;
}
