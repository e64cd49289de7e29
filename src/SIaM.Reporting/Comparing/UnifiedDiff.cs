using DiffPlex.Renderer;

namespace SIaM.Reporting.Comparing;

/// <summary>Unified diffs of sample texts (DiffPlex), with three lines of context.</summary>
public static class UnifiedDiff
{
    private static readonly UnidiffRenderer Renderer = new(null, 3);

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>, or an empty string when equal.</summary>
    public static string Of(string? before, string? after, string name)
    {
        var (a, b) = (Normalize(before), Normalize(after));
        if (a == b) return "";
        return Renderer.Generate(a, b, $"base/{name}", $"candidate/{name}", false, false).TrimEnd('\n') + "\n";
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n");
}
