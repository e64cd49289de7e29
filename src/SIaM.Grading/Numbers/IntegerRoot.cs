using System.Numerics;

namespace SIaM.Grading.Numbers;

/// <summary>Exact integer roots: the n-th root of x when it is a whole number.</summary>
internal static class IntegerRoot
{
    public static BigInteger? Exact(BigInteger x, int n)
    {
        if (n < 1 || n > 64 || x.Sign < 0) return null;
        if (x.IsZero || x.IsOne || n == 1) return x;
        // Newton's method from an over-estimate: r_{k+1} = ((n-1) r_k + x / r_k^(n-1)) / n.
        var bits = (int)(x.GetBitLength() / n) + 1;
        var r = BigInteger.One << bits;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var next = ((n - 1) * r + x / BigInteger.Pow(r, n - 1)) / n;
            if (next >= r) break;
            r = next;
        }
        return BigInteger.Pow(r, n) == x ? r : null;
    }
}
