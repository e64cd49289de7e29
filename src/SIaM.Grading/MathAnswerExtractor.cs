using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;

namespace SIaM.Grading;

/// <summary>
/// Takes the final answer out of program output or model text: <c>\boxed{}</c>/<c>\fbox{}</c>, answer phrases (EN/ZH),
/// choice letters, multi-blank answers, Python reprs, and the last number as a reported fallback. Pure and bounded.
/// </summary>
public sealed partial class MathAnswerExtractor(int maxInputLength = 16_384) : IAnswerExtractor
{
    private static readonly string[] NoiseStarts = ["Warning", "warnings.warn", "DeprecationWarning", "UserWarning", "  warnings"];

    /// <inheritdoc />
    public ExtractedAnswer FromProgramOutput(string stdout, AnswerKind kind)
    {
        var text = Tail(stdout ?? "");
        if (BoxedContent.All(text) is { Count: > 0 } boxes) return new ExtractedAnswer(JoinBoxes(boxes, kind), "boxed");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !NoiseStarts.Any(l.StartsWith)).ToList();
        if (lines.Count == 0) return ExtractedAnswer.None;
        var line = lines[^1];
        if (AnswerPhrase.Last(line) is { } phrased) line = phrased;
        else if (LabelledValue(line) is { } value) line = value;
        if (kind == AnswerKind.Choice)
            return new ExtractedAnswer(Letter(line) ?? ChoiceLetter.Last(line) ?? line, "program-output");
        return new ExtractedAnswer(PythonRepr.ToMath(line), "program-output");
    }

    /// <inheritdoc />
    public ExtractedAnswer FromText(string text, AnswerKind kind)
    {
        var t = Tail(text ?? "");
        if (BoxedContent.All(t) is { Count: > 0 } boxes)
        {
            var boxed = JoinBoxes(boxes, kind);
            return new ExtractedAnswer(kind == AnswerKind.Choice ? Letter(boxed) ?? boxed : boxed, "boxed");
        }
        if (AnswerPhrase.Last(t) is { } phrased && !IsProse(phrased))
            return new ExtractedAnswer(kind == AnswerKind.Choice ? Letter(phrased) ?? ChoiceLetter.Last(phrased) ?? phrased : phrased,
                "answer-phrase");
        if (kind == AnswerKind.Choice)
        {
            if (ChoiceLetter.Last(t) is { } letter) return new ExtractedAnswer(letter, "choice");
            if (ChoiceLetter.Whole(t) is { } whole) return new ExtractedAnswer(whole, "choice");
        }
        if (kind == AnswerKind.MultiBlank && LastLine(t) is { } line && line.Contains(';'))
            return new ExtractedAnswer(line, "multi-blank");
        // A reply that is only an answer ("\pm 2021", "x = 5") is taken whole: its last number would drop the ± or the sign.
        if (BareAnswer(t) is { } bare) return new ExtractedAnswer(bare, "bare-answer");
        return LastNumber(t) is { } number ? new ExtractedAnswer(number, "last-number") : ExtractedAnswer.None;
    }

    private string? Letter(string s) => ChoiceLetter.Whole(s) ?? ChoiceLetter.Whole(LatexNormalizer.Normalize(s, maxInputLength));

    private string Tail(string s) => s.Length > maxInputLength ? s[^maxInputLength..] : s;

    private static string JoinBoxes(IReadOnlyList<string> boxes, AnswerKind kind) => kind switch
    {
        AnswerKind.MultiBlank when boxes.Count > 1 => string.Join("; ", boxes),
        AnswerKind.List when boxes.Count > 1 => string.Join(", ", boxes),
        _ => boxes[^1],
    };

    /// <summary>"Answer: First, we compute the total" is the start of a solution, not an answer.</summary>
    private static bool IsProse(string s) =>
        !s.Any(char.IsAsciiDigit) && !s.Contains('\\') && ProseWord().Matches(s).Count >= 3;

    private static string? BareAnswer(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 200 || s.Contains('\n')) return null;
        var cjk = s.Count(c => c >= '\u4e00' && c <= '\u9fff');
        if (cjk > 4) return null;
        var withoutCommands = LatexCommand().Replace(s, " ");
        return ProseWord().IsMatch(withoutCommands) ? null : s;
    }

    [GeneratedRegex(@"\\[a-zA-Z]+(\{[a-zA-Z ]*\})?")]
    private static partial Regex LatexCommand();

    [GeneratedRegex(@"[a-zA-Z]{4,}")]
    private static partial Regex ProseWord();

    private static string? LastLine(string s) =>
        s.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);

    /// <summary>"Total cost: 18" → "18" (a word label before ": ").</summary>
    private static string? LabelledValue(string line)
    {
        var at = line.LastIndexOf(": ", StringComparison.Ordinal);
        if (at <= 0) return null;
        var label = line[..at];
        return label.Any(char.IsLetter) && !label.Contains('{') && !label.Contains('(') ? line[(at + 2)..].Trim() : null;
    }

    private static string? LastNumber(string text)
    {
        Match? last = null;
        foreach (Match m in Number().Matches(text)) last = m;
        if (last is null) return null;
        var value = last.Value;
        if (Thousands().IsMatch(value.TrimStart('-'))) value = value.Replace(",", "");
        return value.TrimEnd(',');
    }

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?(?:/\d+)?%?", RegexOptions.NonBacktracking)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?%?$")]
    private static partial Regex Thousands();
}
