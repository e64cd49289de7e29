using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>
/// Parses LaTeX or Python math (<c>\frac{1}{2}</c>, <c>2\sqrt[3]{x}</c>, <c>Rational(1, 2)</c>, <c>x**2</c>) into an
/// <see cref="Expr"/>. Total: null when the text is not a single expression or when the budget or depth runs out.
/// </summary>
public sealed partial class ExprParser
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

    private Expr Parenthesised(string close)
    {
        var inner = ParseSum();
        Expect(close);
        return inner;
    }

    internal static BigInteger? SmallInteger(Expr e) =>
        e is NumExpr { Value.IsInteger: true } n ? n.Value.Num : null;
}
