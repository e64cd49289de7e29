namespace SIaM.Core.Completions;

/// <summary>A fenced block in model output.</summary>
/// <param name="Language">The info string after the opening fence (<c>python</c>, <c>output</c>, or empty).</param>
/// <param name="Content">The text between the fences.</param>
/// <param name="End">Offset just past the closing fence (or the end of text when unclosed).</param>
/// <param name="Closed">Whether a closing fence was found.</param>
public sealed record FencedBlock(string Language, string Content, int End, bool Closed)
{
    /// <summary>True for python blocks (and for blocks without a language).</summary>
    public bool IsCode => Language is "" or "python" or "py" or "python3" or "Python";
}

/// <summary>Finds fenced Python code in model output. Pure, line-based.</summary>
public static class CodeBlocks
{
    /// <summary>Every fenced block, in order.</summary>
    public static IReadOnlyList<FencedBlock> Parse(string text)
    {
        var blocks = new List<FencedBlock>();
        string? language = null;
        var content = new System.Text.StringBuilder();
        var offset = 0;
        while (offset < text.Length)
        {
            var newline = text.IndexOf('\n', offset);
            var lineEnd = newline < 0 ? text.Length : newline + 1;
            var line = text[offset..lineEnd];
            var trimmed = line.Trim();
            if (language is null && trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                language = trimmed[3..].Trim();
                content.Clear();
            }
            else if (language is not null && trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                blocks.Add(new FencedBlock(language, content.ToString(), offset + line.IndexOf("```", StringComparison.Ordinal) + 3, true));
                language = null;
            }
            else if (language is not null) content.Append(line);
            offset = lineEnd;
        }
        if (language is not null) blocks.Add(new FencedBlock(language, content.ToString(), text.Length, false));
        return blocks;
    }

    /// <summary>
    /// The program to run for a program-of-thought completion: the last python block (an unclosed last block counts),
    /// or the whole completion when it has no fences at all (bare code); null when there is no code.
    /// </summary>
    public static string? ProgramOf(string completion)
    {
        var blocks = Parse(completion);
        if (blocks.Count == 0) return completion.Contains("print(", StringComparison.Ordinal) ? NonEmpty(completion) : null;
        return blocks.LastOrDefault(b => b.IsCode) is { } last ? NonEmpty(last.Content) : null;
    }

    /// <summary>
    /// For a tool-integrated completion: the code of a trailing python block with nothing but whitespace after it
    /// (no ```output yet), or null when the completion does not end in pending code.
    /// </summary>
    public static string? PendingToolCall(string completion)
    {
        var blocks = Parse(completion);
        if (blocks.Count == 0) return null;
        var last = blocks[^1];
        if (!last.IsCode || !last.Closed) return null;
        return string.IsNullOrWhiteSpace(completion[last.End..]) ? NonEmpty(last.Content) : null;
    }

    /// <summary>The text appended after a tool call: the program's output as a fenced ```output block.</summary>
    public static string OutputBlock(string output) => $"```output\n{output.TrimEnd()}\n```\n";

    private static string? NonEmpty(string code) => string.IsNullOrWhiteSpace(code) ? null : code.TrimEnd() + "\n";
}
