using SIaM.Grading.Numbers;

namespace SIaM.Grading.Expressions;

/// <summary>A node of a parsed math expression.</summary>
public abstract record Expr;

/// <summary>An exact rational literal.</summary>
public sealed record NumExpr(BigRational Value) : Expr;

/// <summary>A variable or a named constant (<c>pi</c>, <c>e</c>, <c>i</c>, <c>inf</c>).</summary>
public sealed record VarExpr(string Name) : Expr;

/// <summary>A binary operation: one of <c>+ - * / ^</c>.</summary>
public sealed record BinExpr(char Op, Expr Left, Expr Right) : Expr;

/// <summary>Unary minus.</summary>
public sealed record NegExpr(Expr Operand) : Expr;

/// <summary>A function application (<c>sqrt</c>, <c>root</c>, <c>sin</c>, <c>log</c>, <c>fact</c>, <c>abs</c>, …);
/// <paramref name="Extra"/> is a root index or logarithm base.</summary>
public sealed record CallExpr(string Name, Expr Arg, Expr? Extra = null) : Expr;
