using System.Text;

namespace SIaM.Grading.Normalization;

/// <summary>
/// Turns an answer (LaTeX, Python repr or prose, EN/ZH) into a compact math text the parser reads: strips <c>$</c>,
/// <c>\left/\right</c>, <c>\text{}</c>, spacing, degrees, units and currency; maps full-width characters; unifies
/// <c>\dfrac/\tfrac</c>. Pure and bounded.
/// </summary>
public static partial class LatexNormalizer
{
    private static readonly string[] Wrappers =
    [
        @"\text", @"\textnormal", @"\textup", @"\textsf", @"\texttt", @"\mathsf", @"\textbf", @"\textit", @"\textrm", @"\mathrm",
        @"\mathbf", @"\mathit", @"\mbox", @"\operatorname", @"\boxed", @"\fbox", @"\emph", @"\mathbb", @"\overline", @"\mathcal",
        @"\hat", @"\vec", @"\overrightarrow", @"\dot", @"\ddot", @"\tilde", @"\bar", @"\widehat",
    ];

    private static readonly (string From, string To)[] Replacements =
    [
        (@"\dfrac", @"\frac"), (@"\tfrac", @"\frac"), (@"\cfrac", @"\frac"), (@"\displaystyle", ""), (@"\left", ""), (@"\right", ""),
        (@"\bigl", ""), (@"\bigr", ""), (@"\Bigl", ""), (@"\Bigr", ""),
        (",\\!", ""), (@"\!", ""), (@"\,", " "), (@"\;", " "), (@"\:", " "), ("np.", ""), ("numpy.", ""), ("math.", ""), ("sp.", ""),
        (@"^{\prime}", "'"), (@"^\prime", "'"), (@"\prime", "'"), (@"\textcircled{1}", "①"), (@"\textcircled{2}", "②"), (@"\textcircled{3}", "③"),
        (@"\textcircled{4}", "④"), (@"\textcircled{5}", "⑤"), (@"\textcircled{6}", "⑥"),
        ("a.m.", "am"), ("p.m.", "pm"), ("A.M.", "am"), ("P.M.", "pm"), (@"\qquad", " "), (@"\quad", " "), (@"\ ", " "), ("~", " "),
        (@"{}^\circ", "°"), (@"^{\circ}", "°"), (@"^\circ", "°"), (@"\circ", "°"), (@"\degree", "°"), ("℃", "°C"), ("!=", @"\ne"),
        (@"\%", "%"), (@"\$", ""), ("$", ""), (@"\(", ""), (@"\)", ""), (@"\[", ""), (@"\]", ""), ("{,}", ""),
        (@"\leqq", @"\le"), (@"\geqq", @"\ge"), (@"\leqslant", @"\le"), (@"\geqslant", @"\ge"),
        (@"\leq", @"\le"), (@"\geq", @"\ge"), ("≤", @"\le"), ("≥", @"\ge"),
        ("<=", @"\le"), (">=", @"\ge"), ("±", @"\pm"), ("∓", @"\mp"), ("∪", @"\cup"), ("∩", @"\cap"), ("≠", @"\ne"), (@"\neq", @"\ne"),
        ("≈", @"\approx"), ("π", @"\pi"), ("∞", @"\infty"), ("√", @"\sqrt"), ("−", "-"), ("–", "-"), ("×", "*"), ("·", "*"), ("÷", "/"),
        (@"\lbrace", @"\{"), (@"\rbrace", @"\}"), (@"\lvert", "|"), (@"\rvert", "|"), (@"\vert", "|"), (@"\mid", "|"),
        (@"\langle", "("), (@"\rangle", ")"), (@"\hline", ""), ("⩽", @"\le"), ("⩾", @"\ge"),
        (@"\varnothing", "∅"), (@"\emptyset", "∅"), (@"\infin", @"\infty"),
    ];

    /// <summary>Normalises one answer.</summary>
    /// <param name="text">The answer text.</param>
    /// <param name="maxLength">Longer input is cut to this many characters first.</param>
    public static string Normalize(string text, int maxLength = 4096) => NormalizeAnswer(text, maxLength, stripUnits: true).Text;

    /// <summary>Normalises one answer and reports the units it stripped.</summary>
    /// <param name="text">The answer text.</param>
    /// <param name="maxLength">Longer input is cut to this many characters first.</param>
    /// <param name="stripUnits">False in strict mode: unit, count and CJK words stay (Chinese numerals are still read).</param>
    internal static StrippedUnits NormalizeAnswer(string text, int maxLength, bool stripUnits)
    {
        var s = text.Length > maxLength ? text[..maxLength] : text;
        s = DoubledBackslashes.Undo(FullWidth.ToAscii(s));
        s = Ordinals.Strip(ChineseMathWords.GreekAsLatex(ChineseMathWords.Rewrite(s)));
        if (s.Contains(@"\,", StringComparison.Ordinal)) s = ThinSpaceThousands().Replace(s, "$1$2");
        if (s.Contains(@"\overline", StringComparison.Ordinal)) s = RepeatingDecimal(s);
        s = Unwrap(s);
        s = s.Replace(@"\\", "\u0001", StringComparison.Ordinal); // keep row breaks apart from "\ " spacing
        foreach (var (from, to) in Replacements) s = s.Replace(from, to, StringComparison.Ordinal);
        s = s.Replace("\u0001", @"\\", StringComparison.Ordinal);
        s = Collapse(s);
        s = StripSentenceEnd(s).Replace(" ^", "^", StringComparison.Ordinal);
        s = ChineseJoiners.Between(ScaleWords.Expand(s)); // multipliers, in every mode: "3 million" is 3000000, never 3
        var stripped = stripUnits ? UnitStripper.Strip(s) : new StrippedUnits(ChineseNumerals.ToAscii(s) ?? s, null, false);
        return stripped with { Text = Collapse(stripped.Text).Trim().Trim(':', ',', ';').Trim() };
    }

    /// <summary>Replaces <c>\text{abc}</c> and similar wrappers by their content.</summary>
    private static string Unwrap(string s)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            var best = -1;
            string? wrapper = null;
            foreach (var w in Wrappers)
            {
                var at = IndexOfCommand(s, w);
                if (at >= 0 && (best < 0 || at < best)) { best = at; wrapper = w; }
            }
            if (wrapper is null) return s;
            var open = best + wrapper.Length;
            while (open < s.Length && s[open] == ' ') open++;
            if (open >= s.Length || s[open] != '{') { s = s.Remove(best, wrapper.Length); continue; }
            var close = Braces.Match(s, open);
            if (close < 0) { s = s.Remove(best, open - best + 1); continue; }
            var inner = s[(open + 1)..close];
            var pad = wrapper is @"\text" or @"\textnormal" or @"\textup" or @"\mbox" ? " " : "";
            s = s[..best] + pad + inner + pad + s[(close + 1)..];
        }
        return s;
    }

    private static int IndexOfCommand(string s, string command)
    {
        for (var at = s.IndexOf(command, StringComparison.Ordinal); at >= 0; at = s.IndexOf(command, at + 1, StringComparison.Ordinal))
        {
            var end = at + command.Length;
            if (end >= s.Length || !char.IsAsciiLetter(s[end])) return at;
        }
        return -1;
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string StripSentenceEnd(string s)
    {
        s = s.Trim();
        while (s.Length > 0 && s[^1] is '.' or '。' or ',' or ';' or ':')
            s = s[..^1].TrimEnd();
        return s;
    }

    /// <summary><c>0.\overline{3}</c> → <c>1/3</c>: a repeating decimal as an exact fraction.</summary>
    private static string RepeatingDecimal(string s)
    {
        var m = Repeating().Match(s);
        if (!m.Success || m.Groups[3].Length > 30 || m.Groups[1].Length + m.Groups[2].Length > 30) return s;
        // x = I.F(R) → x = (IFR - IF) / (10^|F| (10^|R| - 1))
        var i = m.Groups[1].Value; var f = m.Groups[2].Value; var r = m.Groups[3].Value;
        var all = System.Numerics.BigInteger.Parse("0" + i + f + r);
        var head = System.Numerics.BigInteger.Parse("0" + i + f);
        var den = System.Numerics.BigInteger.Pow(10, f.Length) * (System.Numerics.BigInteger.Pow(10, r.Length) - 1);
        return s[..m.Index] + $"(({all - head})/({den}))" + s[(m.Index + m.Length)..];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d*)\.(\d*)\\overline\{(\d+)\}")]
    private static partial System.Text.RegularExpressions.Regex Repeating();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)\\,(\d{3})")]
    private static partial System.Text.RegularExpressions.Regex ThinSpaceThousands();

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
