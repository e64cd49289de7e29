using System.Text.RegularExpressions;

namespace SIaM.Grading.Structure;

/// <summary>A reference that defines what is asked: <c>y = x^2 + 2x + 1</c> when the question asks for y, or <c>f(x) = …</c>.</summary>
internal static partial class ShapeComparer
{
    /// <summary>True when the reference's left side names the answer: the asked variable, or a function such as f(x).</summary>
    private static bool NamesTheAnswer(RelationShape r, CompareContext ctx) =>
        r.Ops.Count == 1 && r.Ops[0] == "=" && (r.Sides[0] == ctx.AskedVariable || FunctionOfX().IsMatch(r.Sides[0]));

    [GeneratedRegex(@"^[fgh]\([a-z]\)$")]
    private static partial Regex FunctionOfX();
}
