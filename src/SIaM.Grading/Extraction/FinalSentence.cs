using System.Text.RegularExpressions;

namespace SIaM.Grading.Extraction;

/// <summary>
/// A concluding sentence without an answer phrase: "Therefore, the smallest $k$ is 12.", "故 $x$ 的值为 $5$。". It counts only
/// when it is the last sentence of the text that holds a number or math, and only its stated value is taken.
/// </summary>
public static partial class FinalSentence
{
    private const int MaxSentence = 1000;

    /// <summary>The value stated by the last concluding sentence, or null.</summary>
    /// <param name="text">The reply.</param>
    /// <param name="question">The question, when known: a number it gives is not what the sentence asserts.</param>
    public static string? Last(string text, string? question = null)
    {
        var sentences = Sentences(text);
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            var s = sentences[i];
            if (!s.Any(char.IsAsciiDigit) && !s.Contains('$') && !s.Contains('\\')) continue;
            if (s.Length > MaxSentence) return null;
            var conclusion = Conclusion().Match(s);
            if (!conclusion.Success) return ProseConclusion.Counted(s);
            var clause = s[conclusion.Groups["from"].Index..];
            var value = ProseConclusion.Asserted(SentenceMath.Of(clause), clause, question);
            return value is not null && (value.Any(char.IsAsciiDigit) || value.Contains('\\') || MathSegments.All(s).Count > 0) ? value : null;
        }
        return null;
    }

    /// <summary>Sentences split at ". " / "。" / line ends outside math spans.</summary>
    private static List<string> Sentences(string text)
    {
        var segments = MathSegments.All(text);
        var result = new List<string>();
        var start = 0;
        var g = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (g < segments.Count && segments[g].End <= i) g++;
            if (g < segments.Count && i >= segments[g].Start) { i = segments[g].End - 1; continue; }
            var c = text[i];
            var end = c is '\n' or '。' or '！' || (c is '.' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end) continue;
            if (text[start..i].Trim() is { Length: > 0 } sentence) result.Add(sentence);
            start = i + 1;
        }
        if (text[start..].Trim() is { Length: > 0 } last) result.Add(last);
        return result;
    }

    // EN: the sentence or a clause after a comma opens with the conclusion word; ZH: a clause does (…，因此最小值为 2).
    [GeneratedRegex(
        @"(?:^\W*|[,;]\s*)(?<from>)(?:therefore|thus|hence|so|in conclusion|in total|in summary|finally|consequently|altogether|overall)\b" +
        @".*\b(?:is|are|was|equals|equal to)\b|" +
        @"(?:^|[，,；;]\s*)(?<from>)(?:故|所以|因此|综上|从而|于是|即|则)[，,]?\s*[^，,；;]*(?:为|是|等于)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.RightToLeft)]
    private static partial Regex Conclusion();
}
