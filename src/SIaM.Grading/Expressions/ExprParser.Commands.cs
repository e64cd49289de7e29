using System.Numerics;
using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>LaTeX commands: <c>\frac</c>, <c>\sqrt</c>, Greek letters, floors, binomials.</summary>
public sealed partial class ExprParser
{
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
}
