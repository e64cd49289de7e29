namespace SIaM.Grading.Expressions;

/// <summary>Names the parser treats as constants rather than variables.</summary>
internal static class Constants
{
    public const string Pi = "pi";
    public const string E = "e";
    public const string I = "i";
    public const string Inf = "inf";

    public static bool IsConstant(string name) => name is Pi or E or I or Inf;
}
