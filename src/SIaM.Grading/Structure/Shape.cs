namespace SIaM.Grading.Structure;

/// <summary>The structure of a normalised answer: a scalar, a bracketed or bare sequence, a union, a matrix or a relation.</summary>
public abstract record Shape;

/// <summary>A single expression or word.</summary>
public sealed record ScalarShape(string Text) : Shape;

/// <summary>Items between brackets: <c>(a, b]</c>, <c>\{a, b\}</c> (Open <c>{</c>), or a bare list (Open and Close ' ').</summary>
public sealed record SeqShape(char Open, char Close, IReadOnlyList<Shape> Items) : Shape
{
    public bool IsSet => Open == '{';
    public bool IsBare => Open == ' ';
}

/// <summary>A union of intervals or sets.</summary>
public sealed record UnionShape(IReadOnlyList<Shape> Parts) : Shape;

/// <summary>A matrix, row by row.</summary>
public sealed record MatrixShape(IReadOnlyList<IReadOnlyList<string>> Rows) : Shape;

/// <summary>A chain of relations: Sides[0] Ops[0] Sides[1] …; ops are <c>= &lt; &gt; \le \ge \ne</c>.</summary>
public sealed record RelationShape(IReadOnlyList<string> Sides, IReadOnlyList<string> Ops) : Shape;
