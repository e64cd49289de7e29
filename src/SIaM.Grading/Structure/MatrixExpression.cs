
namespace SIaM.Grading.Structure;

/// <summary>
/// A sum or product of numeric matrix literals (<c>\begin{pmatrix}1&amp;2\\3&amp;4\end{pmatrix} + 2\begin{pmatrix}…\end{pmatrix}</c>,
/// <c>A \cdot B</c>, <c>A B</c>) evaluated into one matrix whose entries are the arithmetic expressions of the result, so
/// that each entry is compared exactly as any scalar. Products bind tighter than sums; a scalar may stand before a
/// matrix. Bounded: at most 8 literals, 6 rows and columns, 4000 characters an entry. Pure.
/// </summary>
internal static class MatrixExpression
{
    private const int MaxLiterals = 8;
    private const int MaxSize = 6;
    private const int MaxEntry = 4000;
    private static readonly string[] Products = [@"\cdot", @"\times", "*"];

    /// <summary>The evaluated matrix, or null when <paramref name="s"/> is not such an expression of two or more terms.</summary>
    public static MatrixShape? Evaluate(string s)
    {
        var literals = new List<(List<List<string>> Matrix, string Before)>();
        var at = 0;
        while (literals.Count <= MaxLiterals)
        {
            var begin = s.IndexOf(@"\begin{", at, StringComparison.Ordinal);
            if (begin < 0) break;
            var nameEnd = s.IndexOf('}', begin + 7);
            if (nameEnd < 0) return null;
            var name = s[(begin + 7)..nameEnd];
            if (name is not ("matrix" or "pmatrix" or "bmatrix" or "Bmatrix" or "vmatrix" or "smallmatrix")) return null;
            var close = @"\end{" + name + "}";
            var end = s.IndexOf(close, nameEnd, StringComparison.Ordinal);
            if (end < 0) return null;
            var rows = s[(nameEnd + 1)..end].Split(@"\\").Select(r => r.Trim()).Where(r => r.Length > 0)
                .Select(r => r.Split('&').Select(x => x.Trim()).ToList()).ToList();
            if (rows.Count is 0 or > MaxSize || rows.Any(r => r.Count != rows[0].Count || r.Count > MaxSize || r.Any(x => x.Length == 0))) return null;
            literals.Add((rows, s[at..begin]));
            at = end + close.Length;
        }
        if (literals.Count is < 2 or > MaxLiterals || s[at..].Trim().Length > 0) return null;

        // Terms: a sign, a scalar coefficient and the matrices multiplied.
        var terms = new List<(string Sign, string Coefficient, List<List<List<string>>> Factors)>();
        foreach (var (matrix, before) in literals)
        {
            var gap = before.Trim();
            var first = terms.Count == 0;
            if (!first && Products.Any(p => gap == p) || (!first && gap.Length == 0))
            {
                terms[^1].Factors.Add(matrix);
                continue;
            }
            var sign = "+";
            if (gap.StartsWith('+') || gap.StartsWith('-')) { sign = gap[..1]; gap = gap[1..].Trim(); }
            else if (!first) return null;
            foreach (var p in Products)
                if (gap.EndsWith(p, StringComparison.Ordinal)) { gap = gap[..^p.Length].Trim(); break; }
            var commands = gap.Contains('\\');
            if (gap.Contains('=') || (commands && !gap.Contains(@"\frac") && !gap.Contains(@"\sqrt")) || (!commands && gap.Any(char.IsAsciiLetter)))
                return null;
            terms.Add((sign, gap.Length == 0 ? "1" : gap, [matrix]));
        }

        List<List<string>>? sum = null;
        foreach (var (sign, coefficient, factors) in terms)
        {
            var product = factors[0];
            for (var i = 1; i < factors.Count; i++) product = Multiply(product, factors[i]) ?? [];
            if (product.Count == 0) return null;
            var scaled = product.Select(r => r.Select(x => $"{sign}({coefficient})*({x})").ToList()).ToList();
            if (sum is null) sum = scaled;
            else if (sum.Count != scaled.Count || sum[0].Count != scaled[0].Count) return null;
            else sum = sum.Select((r, i) => r.Select((x, j) => x + scaled[i][j]).ToList()).ToList();
        }
        if (sum is null || sum.Any(r => r.Any(x => x.Length > MaxEntry))) return null;
        return new MatrixShape(sum.Select(r => (IReadOnlyList<string>)r).ToList());
    }

    private static List<List<string>>? Multiply(List<List<string>> a, List<List<string>> b)
    {
        if (a.Count == 0 || b.Count == 0 || a[0].Count != b.Count) return null;
        var result = new List<List<string>>();
        foreach (var row in a)
        {
            var line = new List<string>();
            for (var j = 0; j < b[0].Count; j++)
            {
                var entry = string.Join("+", row.Select((x, k) => $"({x})*({b[k][j]})"));
                if (entry.Length > MaxEntry) return null;
                line.Add(entry);
            }
            result.Add(line);
        }
        return result;
    }
}
