using System.Globalization;
using System.Text;

namespace SIaM.Data.Oracle;

/// <summary>
/// Translates a dataset equation into an exact Python expression: numbers become <c>F('…')</c> fractions, <c>a(b/c)</c>
/// mixed numbers, <c>n%</c> percents, <c>^</c> powers, <c>:</c> ratios, <c>[ ]</c> brackets, full-width symbols, implicit
/// multiplication and <c>LCM[…]</c>/<c>GCD[…]</c> are handled; other words (units) are dropped.
/// </summary>
internal static class ArithmeticTranslator
{
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['+'] = "+", ['-'] = "-", ['*'] = "*", ['/'] = "/", ['('] = "(", [')'] = ")", ['['] = "(", [']'] = ")",
        ['{'] = "(", ['}'] = ")", [','] = ",", ['^'] = "**", [':'] = "/",
        ['＋'] = "+", ['－'] = "-", ['−'] = "-", ['–'] = "-", ['×'] = "*", ['÷'] = "/", ['（'] = "(", ['）'] = ")",
        ['［'] = "(", ['］'] = ")", ['：'] = "/", ['／'] = "/", ['＊'] = "*", ['·'] = "*", ['，'] = ",",
    };

    /// <param name="expression">The dataset expression.</param>
    /// <param name="variables">Single-letter unknowns to keep as Python names (a run like "xy" is x*y); other words are dropped.</param>
    public static string Translate(string expression, IReadOnlySet<char>? variables = null)
    {
        var text = Normalize(expression);
        var python = new StringBuilder();
        var previousIsValue = false;
        var open = new Stack<int>();
        var lastGroupStart = -1;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var groupJustClosed = lastGroupStart;
            lastGroupStart = -1;
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                if (previousIsValue) python.Append('*');
                i = Number(text, i, python);
                previousIsValue = true;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                var word = text[start..i].ToUpperInvariant();
                if (variables is not null && text[start..i].All(variables.Contains))
                {
                    foreach (var variable in text[start..i])
                    {
                        if (previousIsValue) python.Append('*');
                        python.Append(variable);
                        previousIsValue = true;
                    }
                }
                else if (word is "LCM" or "GCD")
                {
                    if (previousIsValue) python.Append('*');
                    python.Append(word == "LCM" ? "_lcm" : "_gcd");
                    previousIsValue = false;
                }
            }
            else if (c == '%')
            {
                // "(a+b)%" → ((a+b)/100); a number's own percent sign is consumed in Number().
                if (groupJustClosed >= 0) { python.Insert(groupJustClosed, '('); python.Append("/100)"); }
                else python.Append("/100");
                i++;
            }
            else if (Symbols.TryGetValue(c, out var symbol))
            {
                var opens = symbol == "(";
                if (opens && previousIsValue) python.Append('*');
                if (opens) open.Push(python.Length);
                python.Append(symbol);
                lastGroupStart = symbol == ")" && open.Count > 0 ? open.Pop() : -1;
                previousIsValue = symbol == ")";
                i++;
            }
            else
            {
                python.Append(c);
                previousIsValue = false;
                i++;
            }
        }
        return python.ToString();
    }

    private static string Normalize(string expression) =>
        expression.Normalize(NormalizationForm.FormKC).Replace("**", "^", StringComparison.Ordinal);

    // Reads a number at text[start..]; a mixed number "2(1/3)" becomes (F('2')+F('1')/F('3')).
    private static int Number(string text, int start, StringBuilder python)
    {
        var end = DigitsEnd(text, start, allowDot: true);
        var literal = text[start..end];
        if (end < text.Length && text[end] == '(' && literal.All(char.IsDigit))
        {
            var numEnd = DigitsEnd(text, end + 1, allowDot: false);
            if (numEnd > end + 1 && numEnd < text.Length && text[numEnd] == '/')
            {
                var denEnd = DigitsEnd(text, numEnd + 1, allowDot: false);
                if (denEnd > numEnd + 1 && denEnd < text.Length && text[denEnd] == ')')
                {
                    python.Append(CultureInfo.InvariantCulture,
                        $"(F('{literal}')+F('{text[(end + 1)..numEnd]}')/F('{text[(numEnd + 1)..denEnd]}'))");
                    return denEnd + 1;
                }
            }
        }
        var number = $"F('{(literal.StartsWith('.') ? "0" + literal : literal)}')";
        if (end < text.Length && text[end] == '%') { python.Append('(').Append(number).Append("/100)"); return end + 1; }
        python.Append(number);
        return end;
    }

    private static int DigitsEnd(string text, int i, bool allowDot)
    {
        var seenDot = false;
        while (i < text.Length && (char.IsDigit(text[i]) || (allowDot && !seenDot && text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
        {
            if (text[i] == '.') seenDot = true;
            i++;
        }
        return i;
    }
}
