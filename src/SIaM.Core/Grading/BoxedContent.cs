namespace SIaM.Core.Grading;

/// <summary>Finds <c>\boxed{…}</c> / <c>\fbox{…}</c> contents with brace matching.</summary>
public static class BoxedContent
{
    private static readonly string[] Commands = [@"\boxed", @"\fbox"];

    /// <summary>The content of the last complete <c>\boxed{…}</c> or <c>\fbox{…}</c>, or null when there is none.</summary>
    public static string? Last(string text) => All(text) is { Count: > 0 } all ? all[^1] : null;

    /// <summary>The contents of every complete <c>\boxed{…}</c> or <c>\fbox{…}</c>, in order of appearance.</summary>
    public static IReadOnlyList<string> All(string text)
    {
        var found = new List<(int Start, string Content)>();
        foreach (var command in Commands)
        {
            for (var at = text.IndexOf(command, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(command, at + command.Length, StringComparison.Ordinal))
            {
                var open = at + command.Length;
                while (open < text.Length && text[open] == ' ') open++;
                if (open < text.Length && text[open] == '{' && MatchBrace(text, open) is { } close)
                    found.Add((at, text[(open + 1)..close]));
                else if (open < text.Length && command == @"\boxed" && text[open] != '{')
                {
                    // "\boxed 5" style: the argument runs to the next whitespace or '$'.
                    var end = open;
                    while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '$') end++;
                    if (end > open) found.Add((at, text[open..end]));
                }
            }
        }
        return found.OrderBy(f => f.Start).Select(f => f.Content.Trim()).ToList();
    }

    private static int? MatchBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == '{' || text[i + 1] == '}')) { i++; continue; }
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return i;
        }
        return null;
    }
}
