using System.Globalization;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>
/// Deterministic GSM8K-style solution programs as a model writes them: each imports sympy, then does a few lines of
/// arithmetic (sympy rationals, fractions). No heavy symbolic work, so the executor's cost is what is measured.
/// </summary>
public static class GsmStylePrograms
{
    private static readonly Func<int, int, int, string>[] Templates =
    [
        (a, b, c) => $"import sympy\napples = {a}\nprice = {b}\ndiscount = sympy.Rational({c % 50}, 100)\n" +
            "total = apples * price * (1 - discount)\nprint(total)",
        (a, b, c) => $"import sympy\nhours = {a}\nrate = {b}\novertime = max(0, hours - 40) * rate * sympy.Rational(1, 2)\nprint(hours * rate + overtime)",
        (a, b, c) => $"import sympy\nweekly = {a} * {b}\nweeks = {c}\nsaved = weekly * weeks - {a}\nprint(saved)",
        (a, b, c) => $"import sympy\nfrom fractions import Fraction\nshare = Fraction({a}, {b + 1})\nprint(share * {c})",
        (a, b, c) => $"import sympy\neggs = {a + 16}\neaten = {b % 5}\nbaked = {c % 4}\nprint((eggs - eaten - baked) * 2)",
    ];

    /// <summary>The first <paramref name="count"/> programs; the same count always gives the same programs.</summary>
    public static IReadOnlyList<string> Create(int count)
    {
        var random = new Random(20261128);
        return Enumerable.Range(0, count)
            .Select(i => Templates[i % Templates.Length](random.Next(2, 60), random.Next(2, 40), random.Next(2, 90)))
            .ToList();
    }

    /// <summary>Formats a number of milliseconds for a table cell.</summary>
    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
