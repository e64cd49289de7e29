using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>
/// Parses LaTeX or Python math (<c>\frac{1}{2}</c>, <c>2\sqrt[3]{x}</c>, <c>Rational(1, 2)</c>, <c>x**2</c>) into an
/// <see cref="Expr"/>. Total: null when the text is not a single expression or when the budget or depth runs out.
/// </summary>
public sealed class ExprParser
{
    private const int MaxDepth = 120;
    private readonly List<Token> _tokens;
    private readonly WorkBudget _budget;
    private int _pos;
    private int _depth;

    private ExprParser(List<Token> tokens, WorkBudget budget) { _tokens = tokens; _budget = budget; }

    public static Expr? Parse(string text, WorkBudget budget)
    {
        if (text.Length == 0 || !budget.Spend(text.Length)) return null;
        var tokens = Lexer.Tokenize(text);
        if (tokens is null) return null;
        try
        {
            var parser = new ExprParser(tokens, budget);
            var expr = parser.ParseSum();
            return expr is not null && parser.Peek.Kind == TokenKind.End ? expr : null;
        }
        catch (ParseAbort)
        {
            return null;
        }
    }

    private sealed class ParseAbort : Exception;

    private Token Peek => _tokens[_pos];
    private Token Next() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];
    private bool IsSymbol(string s) => Peek.Kind == TokenKind.Symbol && Peek.Text == s;
    private bool IsCommand(params string[] names) => Peek.Kind == TokenKind.Command && names.Contains(Peek.Text);

    private void Enter()
    {
        if (++_depth > MaxDepth || !_budget.Spend()) throw new ParseAbort();
    }

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol)) throw new ParseAbort();
        _pos++;
    }

    private Expr ParseSum()
    {
        Enter();
        var left = ParseTerm();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Next().Text[0];
            left = new BinExpr(op, left, ParseTerm());
        }
        _depth--;
        return left;
    }

    private Expr ParseTerm()
    {
        Enter();
        var left = ParseUnary();
        while (true)
        {
            if (IsSymbol("*") || IsCommand("cdot", "times", "ast")) { _pos++; left = new BinExpr('*', left, ParseUnary()); }
            else if (IsSymbol("/") || IsCommand("div")) { _pos++; left = new BinExpr('/', left, ParseUnary()); }
            else if (left is NumExpr { Value.IsInteger: true } whole && whole.Value.Sign > 0 && PlainFractionAhead())
            {
                // "3 1/2": a whole number followed by a plain fraction is a mixed number.
                var fraction = new BinExpr('/', Number(Next().Text), Number(Skip().Text));
                left = IsMixedNumber(left, fraction) ? new BinExpr('+', left, fraction) : new BinExpr('*', left, fraction);
            }
            else if (StartsAtom())
            {
                var right = ParsePower();
                left = IsMixedNumber(left, right) ? new BinExpr('+', left, right) : new BinExpr('*', left, right);
            }
            else break;
        }
        _depth--;
        return left;
    }

    // "3\frac{1}{2}" and "3 1/2" are mixed numbers (3 + 1/2), not products.
    private static bool IsMixedNumber(Expr left, Expr right) =>
        left is NumExpr { Value.IsInteger: true } l && l.Value.Sign > 0
        && right is BinExpr { Op: '/', Left: NumExpr { Value.IsInteger: true } n, Right: NumExpr { Value.IsInteger: true } d }
        && n.Value.Sign > 0 && n.Value.CompareTo(d.Value) < 0;

    private bool PlainFractionAhead() =>
        _pos + 3 < _tokens.Count && IsInteger(_tokens[_pos]) && _tokens[_pos + 1] is { Kind: TokenKind.Symbol, Text: "/" }
        && IsInteger(_tokens[_pos + 2]) && _tokens[_pos + 3] is { Kind: TokenKind.End } or { Kind: TokenKind.Symbol, Text: "," or ")" or "]" or "+" or "-" };

    private static bool IsInteger(Token t) => t.Kind == TokenKind.Number && t.Text.All(char.IsAsciiDigit);

    private Token Skip() { _pos++; return Next(); }

    private bool StartsAtom() => Peek.Kind switch
    {
        TokenKind.Number or TokenKind.Name => true,
        TokenKind.Command => Peek.Text is not ("cdot" or "times" or "div" or "ast" or "right" or "rfloor" or "rceil"),
        TokenKind.Symbol => Peek.Text is "(" or "{",
        _ => false,
    };

    private Expr ParseUnary()
    {
        Enter();
        Expr result;
        if (IsSymbol("-")) { _pos++; result = new NegExpr(ParseUnary()); }
        else if (IsSymbol("+")) { _pos++; result = ParseUnary(); }
        else result = ParsePower();
        _depth--;
        return result;
    }

    private Expr ParsePower()
    {
        Enter();
        var baseExpr = ParsePostfix();
        if (IsSymbol("^"))
        {
            _pos++;
            var exponent = IsSymbol("-") || IsSymbol("+") ? ParseUnary() : IsSymbol("{") ? ParseGroup() : ParseExponentAtom();
            baseExpr = ParsePostfixOn(new BinExpr('^', baseExpr, exponent));
        }
        _depth--;
        return baseExpr;
    }

    // "2^10" and "x^2y": a bare exponent is one digit in LaTeX but a whole number in Python; take the whole number.
    private Expr ParseExponentAtom() => ParsePower();

    private Expr ParsePostfix() => ParsePostfixOn(ParseAtom());

    private Expr ParsePostfixOn(Expr expr)
    {
        while (true)
        {
            if (IsSymbol("!")) { _pos++; expr = new CallExpr("fact", expr); }
            else if (IsSymbol("%")) { _pos++; expr = new BinExpr('/', expr, new NumExpr(BigRational.FromInteger(100))); }
            else return expr;
        }
    }

    private Expr ParseGroup()
    {
        Enter();
        Expr result;
        if (IsSymbol("{")) { _pos++; result = ParseSum(); Expect("}"); }
        else if (Peek.Kind == TokenKind.Number && Peek.Text.Length > 1 && Peek.Text.All(char.IsAsciiDigit))
        {
            // "\frac12": a bare argument is one character.
            var text = Peek.Text;
            _tokens[_pos] = new Token(TokenKind.Number, text[1..]);
            result = Number(text[..1]);
        }
        else result = ParseAtom();
        _depth--;
        return result;
    }

    private static NumExpr Number(string text) =>
        BigRational.ParseDecimal(text) is { } v ? new NumExpr(v) : throw new ParseAbort();

    private Expr ParseAtom()
    {
        Enter();
        var token = Next();
        Expr result = token.Kind switch
        {
            TokenKind.Number => IsSymbol("_") ? BaseLiteral(token.Text) : Number(token.Text),
            TokenKind.Name => ParseName(token.Text),
            TokenKind.Command => ParseCommand(token.Text),
            TokenKind.Symbol when token.Text == "(" => Parenthesised(")"),
            TokenKind.Symbol when token.Text == "{" => Parenthesised("}"),
            TokenKind.Symbol when token.Text == "[" => Parenthesised("]"),
            TokenKind.Symbol when token.Text == "|" => new CallExpr("abs", Parenthesised("|")),
            _ => throw new ParseAbort(),
        };
        _depth--;
        return result;
    }

    /// <summary><c>2112_6</c>: digits in base 2–36 read as their value.</summary>
    private Expr BaseLiteral(string digits)
    {
        _pos++;
        var b = IsSymbol("{") ? ParseGroup() : Number(Next().Text);
        if (b is not NumExpr { Value.IsInteger: true } nb || nb.Value.Num < 2 || nb.Value.Num > 36) throw new ParseAbort();
        var radix = (int)nb.Value.Num;
        var dot = digits.IndexOf('.');
        var whole = dot >= 0 ? digits[..dot] + digits[(dot + 1)..] : digits;
        BigInteger value = 0;
        foreach (var c in whole)
        {
            var d = c - '0';
            if (d < 0 || d >= radix) throw new ParseAbort();
            value = value * radix + d;
        }
        var scale = dot >= 0 ? BigInteger.Pow(radix, digits.Length - dot - 1) : BigInteger.One;
        return BigRational.Create(value, scale) is { } v ? new NumExpr(v) : throw new ParseAbort();
    }

    private string Subscript(string name)
    {
        while (IsSymbol("'")) { _pos++; name += "'"; }
        if (!IsSymbol("_")) return name;
        _pos++;
        var sub = Next();
        if (sub.Kind == TokenKind.Symbol && sub.Text == "{")
        {
            var parts = new List<string>();
            var depth = 1;
            while (Peek.Kind != TokenKind.End)
            {
                if (IsSymbol("{")) depth++;
                if (IsSymbol("}") && --depth == 0) break;
                parts.Add(Next().Text);
            }
            Expect("}");
            name += "_" + string.Concat(parts);
        }
        else name += "_" + sub.Text;
        while (IsSymbol("'")) { _pos++; name += "'"; }
        return name;
    }

    private Expr Parenthesised(string close)
    {
        var inner = ParseSum();
        Expect(close);
        return inner;
    }

    private Expr ParseName(string name)
    {
        switch (name)
        {
            case "pi" or "Pi": return new VarExpr(Constants.Pi);
            case "oo" or "inf" or "infty": return new VarExpr(Constants.Inf);
            case "E" or "I" when IsSymbol("_") || IsSymbol("'"): return new VarExpr(Subscript(name));
            case "E": return new VarExpr(Constants.E);
            case "I": return new VarExpr(Constants.I);
            case "Rational" or "Fraction":
            {
                var args = CallArguments();
                return args.Count == 2 ? new BinExpr('/', args[0], args[1]) : args.Count == 1 ? args[0] : throw new ParseAbort();
            }
            case "Integer" or "Float" or "sympify":
            {
                var args = CallArguments();
                return args.Count >= 1 ? args[0] : throw new ParseAbort();
            }
            case "root":
            {
                var args = CallArguments();
                return args.Count == 2 ? new CallExpr("root", args[0], args[1]) : throw new ParseAbort();
            }
            case "factorial": return new CallExpr("fact", SingleArgument());
            case "frac": return ParseCommand("frac");
        }
        if (name.Length > 1 || name == "sqrt") return ParseFunction(name);
        var variable = Subscript(name);
        return new VarExpr(variable);
    }

    private List<Expr> CallArguments()
    {
        Expect("(");
        var args = new List<Expr> { ParseSum() };
        while (IsSymbol(",")) { _pos++; args.Add(ParseSum()); }
        Expect(")");
        return args;
    }

    private Expr SingleArgument()
    {
        if (IsSymbol("(")) { var args = CallArguments(); return args.Count == 1 ? args[0] : throw new ParseAbort(); }
        if (IsSymbol("{")) return ParseGroup();
        return ParsePower();
    }

    private Expr ParseCommand(string command)
    {
        switch (command)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac":
                return new BinExpr('/', ParseGroup(), ParseGroup());
            case "sqrt":
            {
                Expr? index = null;
                if (IsSymbol("[")) { _pos++; index = ParseSum(); Expect("]"); }
                var radicand = ParseGroup();
                return index is null ? new CallExpr("sqrt", radicand) : new CallExpr("root", radicand, index);
            }
            case "pi": return new VarExpr(Constants.Pi);
            case "infty" or "infin": return new VarExpr(Constants.Inf);
            case "left" or "right" or "displaystyle" or "big" or "Big" or "bigl" or "bigr" or "Bigl" or "Bigr":
                return ParseAtom();
            case "lfloor": { var inner = ParseSum(); if (!IsCommand("rfloor")) throw new ParseAbort(); _pos++; return new CallExpr("floor", inner); }
            case "lceil": { var inner = ParseSum(); if (!IsCommand("rceil")) throw new ParseAbort(); _pos++; return new CallExpr("ceil", inner); }
            case "theta" or "alpha" or "beta" or "gamma" or "lambda" or "mu" or "omega" or "phi" or "varphi" or "sigma"
                or "delta" or "rho" or "tau" or "epsilon" or "varepsilon" or "xi" or "eta" or "zeta" or "psi" or "kappa" or "nu"
                or "chi" or "vartheta" or "Delta" or "Gamma" or "Omega" or "Phi" or "Sigma" or "Theta" or "Lambda" or "Psi" or "hbar" or "ell":
                return new VarExpr(Subscript(command));
            case "sin" or "cos" or "tan" or "cot" or "sec" or "csc" or "arcsin" or "arccos" or "arctan" or "sinh" or "cosh"
                or "tanh" or "log" or "ln" or "lg" or "exp":
                return ParseFunction(command);
            case "binom" or "dbinom" or "tbinom":
                return new CallExpr("binom", ParseGroup(), ParseGroup());
            default: throw new ParseAbort();
        }
    }

    private Expr ParseFunction(string name)
    {
        name = name switch { "asin" => "arcsin", "acos" => "arccos", "atan" => "arctan", "Abs" => "abs", _ => name };
        Expr? power = null;
        Expr? extra = null;
        if (name is "log" && IsSymbol("_")) { _pos++; extra = ParseGroup(); }
        if (IsSymbol("^")) { _pos++; power = ParseGroup(); }
        Expr arg;
        if (IsSymbol("("))
        {
            var args = CallArguments();
            arg = args[0];
            if (args.Count == 2 && name is "log" or "root") extra = args[1];
            else if (args.Count != 1) throw new ParseAbort();
        }
        else if (IsSymbol("{")) arg = ParseGroup();
        else arg = ParsePower();
        if (name == "cbrt") { name = "root"; extra = new NumExpr(BigRational.FromInteger(3)); }
        if (name == "lg") { name = "log"; extra = new NumExpr(BigRational.FromInteger(10)); }
        Expr call = new CallExpr(name, arg, extra);
        return power is null ? call : new BinExpr('^', call, power);
    }

    internal static BigInteger? SmallInteger(Expr e) =>
        e is NumExpr { Value.IsInteger: true } n ? n.Value.Num : null;
}
