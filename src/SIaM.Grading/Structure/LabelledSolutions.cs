using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Structure;

/// <summary>
/// Solutions written with their variables: <c>p = 5, q = 2; p = 7, q = 2</c> or <c>x = 1, y = 2 or x = 3, y = 4</c> are the
/// tuples <c>(5, 2), (7, 2)</c>: groups split at <c>;</c> (or at "or"/或 when there is no <c>;</c>), each group a tuple of
/// its values in the written order. Groups of one value (<c>x = 3 or x = -1</c>) and repeated names in one group
/// (<c>x_1 = 2, x_2 = 5</c> is two values of x) are not tuples, and are left to the list comparison. Pure.
/// </summary>
internal static partial class LabelledSolutions
{
    private const int MaxGroups = 32;

    /// <summary>The tuples the text states, or null when it is not a list of labelled solutions.</summary>
    public static string? AsTuples(string text)
    {
        if (text.Length > 2000 || !text.Contains('=')) return null;
        var groups = Braces.SplitTopLevel(text, ";").Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
        if (groups.Count == 1) groups = Braces.SplitTopLevel(OrWords().Replace(text, ";"), ";").Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
        if (groups.Count > MaxGroups) return null;
        var tuples = new List<string>();
        var anyTuple = false;
        foreach (var group in groups)
        {
            var parts = Braces.SplitTopLevel(AndWords().Replace(group, ","), ",").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var names = new List<string>();
            var values = new List<string>();
            foreach (var part in parts)
            {
                var m = Assignment().Match(part);
                if (!m.Success) return null;
                names.Add(Base().Replace(m.Groups[1].Value, ""));
                values.Add(m.Groups[2].Value.Trim());
            }
            if (values.Count == 0) return null;
            if (values.Count == 1) { tuples.Add(values[0]); continue; }
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) return null;
            anyTuple = true;
            tuples.Add("(" + string.Join(", ", values) + ")");
        }
        return anyTuple ? string.Join(", ", tuples) : null;
    }

    /// <summary>True when the shape is a tuple, or a list or set that holds one.</summary>
    public static bool HasTuple(Shape shape) => shape switch
    {
        SeqShape { IsSet: false, IsBare: false, Items.Count: >= 2 } => true,
        SeqShape q => q.Items.Any(i => i is SeqShape { IsSet: false, IsBare: false, Items.Count: >= 2 }),
        _ => false,
    };

    [GeneratedRegex(@"\s+or\s+|或者|或", RegexOptions.IgnoreCase)]
    private static partial Regex OrWords();

    [GeneratedRegex(@"\s+and\s+|和|且", RegexOptions.IgnoreCase)]
    private static partial Regex AndWords();

    // "x = 3", "x_1 = 2", "a_{n} = 5": one name, one value with no further relation.
    [GeneratedRegex(@"^([a-zA-Z](?:_\{?[a-zA-Z0-9]{1,4}\}?)?)\s*=\s*([^=<>]+)$")]
    private static partial Regex Assignment();

    // The subscript does not make another name: x_1 and x_2 are both x.
    [GeneratedRegex(@"_.*$")]
    private static partial Regex Base();
}
