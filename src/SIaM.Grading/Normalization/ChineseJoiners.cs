using System.Text.RegularExpressions;

namespace SIaM.Grading.Normalization;

/// <summary>
/// 或 (or) and 和 (and) between two pieces of math (<c>x=1 或 x=2</c>) are list separators: they become " or " / " and "
/// before unit stripping, which would otherwise drop them with the other CJK words. Between Chinese words they stay. Pure.
/// </summary>
internal static partial class ChineseJoiners
{
    public static string Between(string s) =>
        s.Contains('或') || s.Contains('和') ? Joiner().Replace(s, m => m.Value.Contains('或') ? " or " : " and ") : s;

    [GeneratedRegex(@"(?<=[!-~])\s{0,3}(?:或者|或|和)\s{0,3}(?=[!-~])")]
    private static partial Regex Joiner();
}
