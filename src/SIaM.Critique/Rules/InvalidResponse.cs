namespace SIaM.Critique.Rules;

/// <summary>
/// Rules that find responses with no answer at all before a critic is asked: empty output, a program cut off by the
/// length limit (an unclosed code block), a repetition loop at the end. Pure.
/// </summary>
public static class InvalidResponse
{
    /// <summary>Shortest looping tail that counts (characters).</summary>
    public const int MinLoopLength = 200;

    /// <summary>Why the response is invalid, or null when it is not.</summary>
    public static string? Check(CritiqueCase @case)
    {
        var text = @case.Completion;
        if (string.IsNullOrWhiteSpace(text)) return "empty";
        if (CountFences(text) % 2 == 1) return "truncated";
        if (LoopPeriod(text) is { } period) return $"repetition-loop (period {period})";
        return null;
    }

    private static int CountFences(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("```", StringComparison.Ordinal); i >= 0; i = text.IndexOf("```", i + 3, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The period of a unit repeated at least 5 times over at least <see cref="MinLoopLength"/> characters at the end.</summary>
    public static int? LoopPeriod(string text)
    {
        for (var period = 1; period <= 256 && period * 2 <= text.Length; period++)
        {
            var repeated = period;
            while (repeated + period <= text.Length
                   && string.CompareOrdinal(text, text.Length - repeated - period, text, text.Length - period, period) == 0)
                repeated += period;
            if (repeated >= MinLoopLength && repeated / period >= 5) return period;
        }
        return null;
    }
}
