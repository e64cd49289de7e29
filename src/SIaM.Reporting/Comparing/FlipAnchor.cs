using System.Text;

namespace SIaM.Reporting.Comparing;

/// <summary>The stable anchor of a flip in <c>diff.md</c>, so reports can link to it.</summary>
public static class FlipAnchor
{
    /// <summary>Lowercase letters, digits and dashes only.</summary>
    public static string Of(Flip flip)
    {
        var builder = new StringBuilder("flip-");
        foreach (var ch in $"{flip.Benchmark}-{flip.Id}-{flip.Sample}".ToLowerInvariant())
            builder.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '-');
        return builder.ToString();
    }
}
