namespace SIaM.Grading.Expressions;

/// <summary>Splits LaTeX or Python math text into tokens; null when a character is not understood.</summary>
internal static class Lexer
{
    private static readonly HashSet<string> Words =
    [
        "sqrt", "cbrt", "root", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "asin", "acos",
        "atan", "sinh", "cosh", "tanh", "log", "ln", "lg", "exp", "abs", "Abs", "factorial", "pi", "oo", "inf", "infty",
        "Rational", "Fraction", "Integer", "Float", "Pi", "E", "I", "sympify", "frac", "binomial",
    ];

    public static List<Token>? Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                var start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i < s.Length && s[i] == '.' && !(i + 1 < s.Length && s[i + 1] == '.'))
                {
                    i++;
                    while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                }
                if (i + 1 < s.Length && s[i] is 'e' or 'E')
                {
                    var j = i + 1;
                    if (j < s.Length && s[j] is '+' or '-') j++;
                    if (j < s.Length && char.IsAsciiDigit(s[j]))
                    {
                        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                        i = j;
                    }
                }
                tokens.Add(new Token(TokenKind.Number, s[start..i]));
                continue;
            }
            if (c == '\\')
            {
                var start = ++i;
                while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
                if (i == start) { i++; continue; } // "\," "\ " "\!" spacing
                tokens.Add(new Token(TokenKind.Command, s[start..i]));
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
                var word = s[start..i];
                if (Words.Contains(word)) tokens.Add(new Token(TokenKind.Name, word));
                else if (i < s.Length && s[i] == '(' && word.Length > 1) return null; // unknown function call
                else if (word.Length >= 4) return null; // a word ("Devon"), not a product of four variables
                else foreach (var letter in word) tokens.Add(new Token(TokenKind.Name, letter.ToString()));
                continue;
            }
            if (c == '*' && i + 1 < s.Length && s[i + 1] == '*') { tokens.Add(new Token(TokenKind.Symbol, "^")); i += 2; continue; }
            if ("+-*/^()[]{},!|%_.'".Contains(c)) { tokens.Add(new Token(TokenKind.Symbol, c.ToString())); i++; continue; }
            if (c == 'π') { tokens.Add(new Token(TokenKind.Name, "pi")); i++; continue; }
            if (c == '√') { tokens.Add(new Token(TokenKind.Name, "sqrt")); i++; continue; }
            if (c == '∞') { tokens.Add(new Token(TokenKind.Name, "inf")); i++; continue; }
            if (c is '×' or '·') { tokens.Add(new Token(TokenKind.Symbol, "*")); i++; continue; }
            if (c == '÷') { tokens.Add(new Token(TokenKind.Symbol, "/")); i++; continue; }
            if (c == '−') { tokens.Add(new Token(TokenKind.Symbol, "-")); i++; continue; }
            return null;
        }
        tokens.Add(new Token(TokenKind.End, ""));
        return tokens;
    }
}
