using System.Text;
using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>
/// Strips the unit, currency and count words of <see cref="UnitWords"/> after a number (<c>18 ways</c>, <c>5 cm</c>,
/// <c>30°</c>, <c>12个</c>) and says which measurement unit it removed, so that a caller can refuse <c>5 m</c> vs <c>5 cm</c>.
/// </summary>
internal static partial class UnitStripper
{
    /// <summary>The degree sign the normaliser maps <c>^\circ</c>, <c>\degree</c> and <c>°</c> to.</summary>
    public const char Degree = '°';

    public static StrippedUnits Strip(string s)
    {
        if (!s.Any(c => char.IsAsciiLetter(c) || c >= '\u00b0')) return new StrippedUnits(s, null, false);
        var units = new List<string>();
        var text = English(s, units);
        text = ChineseNumerals.ToAscii(text) ?? text;
        text = Cjk(text, units);
        return new StrippedUnits(text, units.Count == 0 ? null : Canonical(units), !string.Equals(text, s, StringComparison.Ordinal));
    }

    private static string English(string s, List<string> units)
    {
        if (s.Contains(Degree))
        {
            var without = s.Replace("°C", "", StringComparison.Ordinal).Replace(Degree.ToString(), "", StringComparison.Ordinal).Trim();
            if (without.Length > 0) { units.Add("deg"); s = without; }
        }
        if (!s.Any(char.IsAsciiDigit)) return s;
        if (s.Contains('/'))
            s = Rates().Replace(s, m => Lookup(m.Groups[1].Value, false) is { Found: true, Unit: { } a }
                && Lookup(m.Groups[2].Value, true) is { Found: true, Unit: { } b }
                ? Note(units, a + "/" + b) : m.Value);
        var glued = s.Length < 40 ? GluedUnit().Match(s) : Match.Empty;
        if (glued.Success && Lookup(glued.Groups[2].Value, single: true) is { Found: true } g)
        {
            Add(units, g.Unit, glued.Groups[3].Value);
            return glued.Groups[1].Value;
        }
        var words = s.Split(' ');
        // "18 ways", "65 children tickets": a number followed only by words is that number.
        if (words.Length >= 2 && LooksNumeric(words[0]) && words.Skip(1).All(w => w.TrimEnd('.').Length >= 3 && w.TrimEnd('.').All(char.IsAsciiLetter)))
        {
            foreach (var w in words.Skip(1)) Add(units, Lookup(w.TrimEnd('.'), single: false).Unit, "");
            return words[0];
        }
        if (words.Length == 2 && LooksNumeric(words[0]) && UnitWords.SingleLetter.TryGetValue(StripPower(words[1], out var power), out var letter))
        {
            Add(units, letter, power);
            return words[0];
        }
        var kept = new List<string>(words.Length);
        foreach (var w in words)
        {
            var bare = StripPower(w, out var pw);
            if (Lookup(bare, single: false) is { Found: true } hit) { Add(units, hit.Unit, pw); continue; }
            kept.Add(w);
        }
        return kept.Count == 0 ? s : string.Join(' ', kept);
    }

    private static (bool Found, string? Unit) Lookup(string word, bool single)
    {
        if (UnitWords.English.TryGetValue(word, out var unit)) return (true, unit);
        if (word.Length > 1 && word.EndsWith('s') && UnitWords.English.TryGetValue(word[..^1], out unit)) return (true, unit);
        if (single && UnitWords.SingleLetter.TryGetValue(word, out unit)) return (true, unit);
        return (false, null);
    }

    private static string Note(List<string> units, string unit)
    {
        units.Add(unit);
        return " ";
    }

    private static void Add(List<string> units, string? unit, string power)
    {
        if (unit is null) return;
        var p = power.Trim('^', '{', '}');
        units.Add(p.Length > 0 ? unit + "^" + p : unit);
    }

    /// <summary>"sq m" and "m^2" are one unit; so are "cubic cm" and "cm^3".</summary>
    private static string Canonical(List<string> units)
    {
        var parts = new List<string>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] is "sq" or "cubic" && i + 1 < units.Count && !units[i + 1].Contains('^'))
            {
                parts.Add(units[i + 1] + (units[i] == "sq" ? "^2" : "^3"));
                i++;
            }
            else parts.Add(units[i]);
        }
        return string.Join(' ', parts);
    }

    /// <summary>Removes CJK ideographs (units and words such as 元, 个, 平方米) unless nothing else is left.</summary>
    private static string Cjk(string s, List<string> units)
    {
        if (!s.Any(LatexNormalizer.IsCjk)) return s;
        var trimmed = s.TrimEnd();
        foreach (var (word, unit) in UnitWords.Chinese)
        {
            if (!trimmed.EndsWith(word, StringComparison.Ordinal)) continue;
            var before = trimmed[..^word.Length].TrimEnd();
            if (before.Length > 0 && (char.IsAsciiDigit(before[^1]) || before[^1] is ')' or '}')) Add(units, unit, "");
            break;
        }
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(LatexNormalizer.IsCjk(c) ? ' ' : c);
        var stripped = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('/', '*', ':', ',').Trim();
        return stripped.Any(char.IsAsciiLetterOrDigit) ? stripped : s;
    }

    private static bool LooksNumeric(string w) =>
        w.Length > 0 && w.Any(char.IsAsciiDigit) && w.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '/' or ',' or '%');

    private static string StripPower(string w, out string power)
    {
        var caret = w.IndexOf('^');
        power = caret > 0 ? w[caret..].TrimEnd('.', ',') : "";
        return (caret > 0 ? w[..caret] : w).TrimEnd('.', ',');
    }

    /// <summary>"81 km / hr", "6 ft/s": a rate after a number.</summary>
    [GeneratedRegex(@"(?<=\d\s*)([a-zA-Z]{1,12})\s*/\s*([a-zA-Z]{1,12})\b")]
    private static partial Regex Rates();

    [GeneratedRegex(@"^(-?[0-9][0-9.,/]*)\s*([a-zA-Z]+)(\^\{?[23]\}?)?$")]
    private static partial Regex GluedUnit();
}
