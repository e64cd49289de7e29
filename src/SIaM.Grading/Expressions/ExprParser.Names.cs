using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>Names, Python calls, functions, subscripts and base-n literals.</summary>
public sealed partial class ExprParser
{
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
}
