using System.Text.RegularExpressions;
using SIaM.Grading.Normalization;

namespace SIaM.Grading.Extraction;

/// <summary>
/// Reads what a concluding sentence in prose asserts. "there are 720 ways for the 7 people to sit" asserts 720, not the
/// phrase and not its last number; "So 42 baps is equivalent to 40 daps" asserts 42 when the question gave 40; "she is in
/// the 12th grade" asserts 12; "共有 720 种坐法", "现在有 20 个苹果" assert 720 and 20. For an answer word, the concluding clause itself. Pure.
/// </summary>
public static partial class ProseConclusion
{
    private const int MaxClause = 600;

    /// <summary>
    /// The value a concluding clause asserts, given what follows its copula (<paramref name="stated"/>; null stays null):
    /// unchanged when that is math or a number with its unit; otherwise the number the predicate opens with, or the
    /// one number of the clause the question did not give (the clause's only number when the question is not known).
    /// </summary>
    public static string? Asserted(string? stated, string clause, string? question)
    {
        if (clause.Length > MaxClause) return stated;
        if (stated is null) return null;
        // a matrix or other environment is math, whatever words its commands spell ("2\begin{pmatrix}…\end{pmatrix} - I")
        if (!IsProse(stated) || stated.Contains("\\begin{", StringComparison.Ordinal)) return stated;
        if (Leading().Match(stated) is { Success: true } lead) return lead.Groups["n"].Value + MeasurementUnit(lead.Groups["w"].Value);
        var numbers = LastNumber.All(WithoutMath(clause)).Distinct().ToList();
        if (question is not { Length: > 0 and < 20_000 }) return numbers.Count == 1 ? numbers[0] : stated;
        // A number the question gave is not what the sentence asserts ("42 baps is equivalent to 40 daps", asked about 40 daps).
        var given = LastNumber.All(question).ToHashSet();
        var fresh = numbers.Where(n => !given.Contains(n)).ToList();
        return fresh.Count == 1 ? fresh[0] : stated;
    }

    /// <summary>"所以小明现在有 20 个苹果", "因此共有 720 种坐法": the count a concluding Chinese clause states, or null.</summary>
    public static string? Counted(string sentence) =>
        sentence.Length <= MaxClause && CountStated().Match(sentence) is { Success: true } count ? count.Groups["n"].Value : null;

    /// <summary>
    /// The concluding clause of the last sentence (from "so", "therefore", 所以, 因此, 故 … on), or the whole last sentence
    /// when it states something (is, are, 为, 是): where an answer word is to be looked for. Null otherwise.
    /// </summary>
    public static string? LastClause(string text)
    {
        var body = text.TrimEnd();
        if (body.Length == 0) return null;
        var start = 0;
        for (var i = body.Length - 2; i >= 0; i--)
        {
            var c = body[i];
            if (c is '\n' or '。' or '！' or '？' || (c is '.' or '!' or '?' && char.IsWhiteSpace(body[i + 1]))) { start = i + 1; break; }
        }
        var sentence = body[start..].Trim().TrimEnd('.', '。', '!', '！');
        if (sentence.Length == 0 || sentence.Length > MaxClause) return null;
        Match? marker = null;
        foreach (Match m in Marker().Matches(sentence)) marker = m;
        if (marker is not null) return sentence[marker.Index..];
        return Copula().IsMatch(sentence) ? sentence : null;
    }

    private static bool IsProse(string stated) =>
        MathSegments.All(stated).Count == 0 && Word().IsMatch(stated)
        && (!Leading().IsMatch(stated) || LastNumber.All(stated).Count > 1 || stated.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4);

    private static string MeasurementUnit(string word) =>
        word.Length > 0 && UnitWords.English.TryGetValue(word, out var unit) && unit is not null ? " " + word : "";

    private static string WithoutMath(string clause)
    {
        var segments = MathSegments.All(clause);
        if (segments.Count == 0) return clause;
        var parts = new List<string>();
        var at = 0;
        foreach (var g in segments)
        {
            parts.Add(clause[at..g.Start]);
            at = g.End;
        }
        parts.Add(clause[at..]);
        return string.Join(" ", parts);
    }

    [GeneratedRegex(
        @"^\s*(?:(?:about|approximately|exactly|only|a total of|in total)\s+)?\$?\s*(?<n>-?\d[\d,]*(?:\.\d+)?)(?:\s+(?<w>[a-zA-Z]+))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Leading();

    [GeneratedRegex(
        @"(?:^|[，,；;]\s*)(?:故|所以|因此|综上|从而|于是|则)[，,]?[^，,；;$]*?(?:(?:一共|总共|共)有?|有)\s*(?<n>\d+(?:\.\d+)?)\s*" +
        @"(?:种|个|人|次|条|组|张|名|位|本|只|块|元|天|辆|棵|支|件|页|颗|瓶|箱|袋|盒|岁)")]
    private static partial Regex CountStated();

    [GeneratedRegex(@"(?<![\\a-zA-Z])[a-zA-Z]{3,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:is|are|was|were)\b|为|是")]
    private static partial Regex Copula();

    [GeneratedRegex(@"\b(?:so|therefore|thus|hence|in conclusion|consequently)\b|所以|因此|故|综上|从而|于是", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
