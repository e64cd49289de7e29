namespace SIaM.Grading.Normalization;

/// <summary>Brace matching and top-level splitting that respect (), [], {} nesting.</summary>
public static class Braces
{
    /// <summary>The index of the brace closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Match(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>Splits at <paramref name="separator"/> where no bracket is open; <c>\{</c> counts as a bracket.</summary>
    public static List<string> SplitTopLevel(string s, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && string.CompareOrdinal(s, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(s[start..i]);
                start = i + separator.Length;
                i = start - 1;
            }
        }
        parts.Add(s[start..]);
        return parts;
    }

    /// <summary>True when the brackets of <paramref name="s"/> from 1 to Length-2 never close the outer pair early.</summary>
    public static bool OuterPairEnclosesAll(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '(' or '[' or '{') depth++;
            else if (s[i] is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0 && i < s.Length - 1) return false;
            }
        }
        return depth == 0;
    }
}
