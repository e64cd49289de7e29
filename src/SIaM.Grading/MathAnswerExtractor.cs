using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;

namespace SIaM.Grading;

/// <summary>
/// Takes the final answer out of program output or model text, in the order a careful reader would: the answer section
/// (<c>【答案】…&lt;eoa&gt;</c>, a "Final Answer" heading), read alone; the last <c>\boxed{}</c>/<c>\fbox{}</c>; the math of a
/// final-answer sentence (EN/ZH phrases); choice letters and multi-blank lines; for an answer-word reference, the
/// concluding clause; a concluding sentence ("Therefore … is …", "故…为…"), its asserted number when it is prose; a reply
/// that is only an answer; LaTeX or a price in prose after the last math span; the last math span when the reference is
/// math; the last standalone number (not in <see cref="GradingMode.Strict"/>). Chinese math words (根号3, 二分之一) are read
/// as LaTeX first. Pure and bounded. See docs/grading-real-output.md.
/// </summary>
/// <param name="maxInputLength">Only the last this many characters are read.</param>
/// <param name="mode">Strict mode never falls back to the last number.</param>
public sealed partial class MathAnswerExtractor(int maxInputLength = 16_384, GradingMode mode = GradingMode.Default) : IAnswerExtractor
{
    private static readonly string[] NoiseStarts = ["Warning", "warnings.warn", "DeprecationWarning", "UserWarning", "  warnings"];

    /// <inheritdoc />
    public ExtractedAnswer FromProgramOutput(string stdout, AnswerKind kind)
    {
        var text = Tail(stdout ?? "");
        if (BoxedContent.All(text) is { Count: > 0 } boxes) return new ExtractedAnswer(BoxedAnswers.Join(boxes, kind, default), "boxed");
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
    public ExtractedAnswer FromText(string text, AnswerKind kind) => FromText(text, kind, referenceIsMath: true);

    /// <inheritdoc />
    public ExtractedAnswer FromText(string text, Problem problem)
    {
        var reference = ReferenceExtraction.Of(problem.Reference ?? "").Answer;
        var isMath = !WordsOnly().IsMatch(LatexNormalizer.Normalize(reference, maxInputLength)) && !ExamReference.IsWord(reference);
        var parts = SeveralBoxes(text) ? BoxedAnswers.PartsOf(reference, problem.AnswerKind) : default;
        var answer = FromText(text, problem.AnswerKind, new Reply(isMath, problem.Question, reference, parts));
        return AskedAnswer.Narrow(answer, AskedVariable.Of(problem.Question));
    }

    /// <summary>Extracts with the order of the class summary; <paramref name="referenceIsMath"/> enables the last-math step;
    /// <paramref name="referenceParts"/> joins several boxes (see <see cref="BoxedAnswers"/>).</summary>
    public ExtractedAnswer FromText(string text, AnswerKind kind, bool referenceIsMath, ReferenceParts referenceParts = default) =>
        FromText(text, kind, new Reply(referenceIsMath, null, null, referenceParts));

    private ExtractedAnswer FromText(string text, AnswerKind kind, Reply reply)
    {
        var t = ChineseMathWords.Rewrite(MultilineMath.OnOneLine(DoubledBackslashes.Undo(Tail(text ?? ""))));
        // "【解析】…<eoe>【答案】-3<eoa>", "Final Answer:\n$$…$$": read the section alone; the reasoning before it is not the answer.
        if (AnswerSection.Of(t) is { } section && section.Length < t.Length)
        {
            if (reply.Reference is { } r && LetterReference().IsMatch(r.Trim()) && ChoiceLetter.Whole(section) is not null)
                return new ExtractedAnswer(section, "answer-section");
            if (FromText(section, kind, reply) is { Answer: { } inSection }) return new ExtractedAnswer(inSection, "answer-section");
        }
        if (BoxedContent.All(t) is { Count: > 0 } boxes)
        {
            var boxed = BoxedAnswers.Join(boxes, kind, reply.Parts);
            if (kind != AnswerKind.Choice && boxes.Count == 1 && reply.Reference?.Contains('=') == true) boxed = BoxedSide.WithLeftSide(t, boxed);
            return new ExtractedAnswer(kind == AnswerKind.Choice ? Letter(boxed) ?? boxed : boxed, "boxed");
        }
        if (AnswerPhrase.Last(t) is { } phrased && !IsProse(phrased))
        {
            if (kind == AnswerKind.Choice)
                return new ExtractedAnswer(Letter(phrased) ?? ChoiceLetter.Last(phrased) ?? phrased, "answer-phrase");
            // "The final answer is: the smallest $k$ is 12": the math in the sentence, not the sentence.
            var answer = SentenceMath.IsProse(phrased) && SentenceMath.Of(phrased) is { } math ? math : phrased;
            return new ExtractedAnswer(answer, "answer-phrase");
        }
        if (kind == AnswerKind.Choice)
        {
            if (ChoiceLetter.Last(t) is { } letter) return new ExtractedAnswer(letter, "choice");
            if (ChoiceLetter.Whole(t) is { } whole) return new ExtractedAnswer(whole, "choice");
        }
        if (kind == AnswerKind.MultiBlank && LastLine(t) is { } line && line.Contains(';'))
            return new ExtractedAnswer(line, "multi-blank");
        // An answer word ("east", "分层抽样") is stated by the concluding clause, which holds no number to find.
        if (!reply.ReferenceIsMath && reply.Reference is not null && ProseConclusion.LastClause(t) is { } clause)
            return new ExtractedAnswer(clause, "final-sentence");
        if (FinalSentence.Last(t, reply.Question) is { } concluded) return new ExtractedAnswer(concluded, "final-sentence");
        if (ConcludedRelation.Last(t) is { } relation) return new ExtractedAnswer(relation, "concluded-relation");
        // A reply that is only an answer ("\pm 2021", "x = 5") is taken whole: its last number would drop the ± or the sign.
        if (BareAnswer(t) is { } bare) return new ExtractedAnswer(bare, "bare-answer");
        if (reply.ReferenceIsMath && ProseMath.Last(t) is { } prose) return new ExtractedAnswer(prose, "prose-math");
        if (reply.ReferenceIsMath && LastMath.In(t) is { } lastMath) return new ExtractedAnswer(lastMath, "last-math");
        if (mode == GradingMode.Strict) return ExtractedAnswer.None;
        return LastNumber.In(t) is { } number ? new ExtractedAnswer(number, "last-number") : ExtractedAnswer.None;
    }

    /// <summary>What a reply is graded against: whether the reference is math, and the question and reference when known.</summary>
    private sealed record Reply(bool ReferenceIsMath, string? Question, string? Reference, ReferenceParts Parts = default);

    /// <summary>Only several boxes need the reference's form (saves parsing it for every other text).</summary>
    private static bool SeveralBoxes(string? text) =>
        text is not null && text.IndexOf(@"\boxed", StringComparison.Ordinal) is var first and >= 0
        && text.IndexOf(@"\boxed", first + 6, StringComparison.Ordinal) >= 0;

    private string? Letter(string s) => ChoiceLetter.Whole(s) ?? ChoiceLetter.Whole(LatexNormalizer.Normalize(s, maxInputLength));

    private string Tail(string s) => s.Length > maxInputLength ? s[^maxInputLength..] : s;

    /// <summary>"Answer: First, we compute the total" is the start of a solution, not an answer.</summary>
    private static bool IsProse(string s) =>
        !s.Any(char.IsAsciiDigit) && !s.Contains('\\') && ProseWord().Matches(s).Count >= 3;

    private static string? BareAnswer(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 200 || s.Contains('\n')) return null;
        var cjk = s.Count(c => c >= '\u4e00' && c <= '\u9fff');
        if (cjk > 4) return null;
        // "So $$A^{-1} = …$$": words around math make a sentence, not a bare answer.
        if (MathSegments.All(s) is { Count: > 0 } segments && (segments[0].Start > 0 || segments[^1].End < s.Length)) return null;
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

    [GeneratedRegex(@"^(?:[A-E]|\\text\{\([A-E]\)\}|\([A-E]\))$")]
    private static partial Regex LetterReference();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z\s'\-]*[a-zA-Z]$")]
    private static partial Regex WordsOnly();
}
