using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;
using SIaM.Grading.Structure;

namespace SIaM.Grading;

/// <summary>
/// Rule-based math equivalence: string, exact rational, numeric (relative tolerance), percent variants, symbolic
/// (canonical form, then random points), tuples, sets, intervals, matrices, equations, inequalities, ± answers,
/// choice letters and multi-blank answers. Pure, total and bounded by <see cref="GradingOptions.Budget"/>.
/// </summary>
/// <remarks>
/// Decision paths: <c>string</c> (same text), <c>rational</c> (exact big-integer rationals; two integers are only ever
/// compared exactly), <c>numeric</c> (within the relative tolerance), <c>percent-variant</c>, <c>symbolic</c> (same
/// canonical form), <c>symbolic-eval</c> (equal at seeded random points, variables taken positive), <c>tuple</c>,
/// <c>set</c>, <c>interval</c>, <c>matrix</c>, <c>equation</c> (L−R proportional), <c>inequality</c>, <c>choice</c>,
/// <c>choice-set</c>, <c>choice-text&gt;…</c>, <c>multi-blank</c> (<c>multi-blank&gt;i:…</c> names the first wrong blank),
/// <c>structure</c> (shapes differ), <c>budget</c> (work budget spent), <c>no-answer</c>, <c>error:…</c> (a bug; never thrown);
/// for exam-style references (<see cref="ExamReference"/>) <c>reference-&lt;form&gt;&gt;…</c>, with <c>reference-condition&gt;satisfied</c>
/// and <c>reference-word&gt;contains</c>; <c>choice-letter</c> for a letter answering a fill-in item whose reference is a letter.
/// </remarks>
public sealed partial class MathEquivalenceChecker(GradingOptions? options = null) : IEquivalenceChecker
{
    private readonly GradingOptions _options = options ?? GradingOptions.Default;

    /// <inheritdoc />
    public Equivalence Compare(string prediction, Problem problem) =>
        Compare(prediction, problem.Reference, problem.AnswerKind, problem.Choices, problem.Question);

    /// <summary>Compares a prediction with a reference text of the given kind.</summary>
    /// <param name="question">When it names the variable asked for ("Find $y$"), <c>x = 8</c> does not answer it.</param>
    public Equivalence Compare(string prediction, string reference, AnswerKind kind, IReadOnlyDictionary<string, string>? choices = null,
        string? question = null)
    {
        try
        {
            return CompareCore(prediction ?? "", reference ?? "", kind, choices, question);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Total by contract: a grader bug scores the sample wrong and says why, it never stops a run.
            return new Equivalence(false, "error:" + ex.GetType().Name, prediction, reference);
        }
    }

    private Equivalence CompareCore(string prediction, string reference, AnswerKind kind, IReadOnlyDictionary<string, string>? choices,
        string? question, bool examForms = true)
    {
        if (kind != AnswerKind.Choice && examForms && CompareExamForm(prediction, reference, kind, choices, question) is { } exam) return exam;
        if (kind != AnswerKind.Choice && CompareLetter(prediction, reference) is { } letter) return letter;
        var ctx = new CompareContext(_options) { AskedVariable = AskedVariable.Of(question) };
        switch (kind)
        {
            case AnswerKind.Choice:
                return CompareChoice(prediction, reference, choices, ctx);
            case AnswerKind.MultiBlank:
                return CompareBlanks(prediction, reference, ctx);
        }
        var stripUnits = _options.Mode == GradingMode.Default;
        var pn = LatexNormalizer.NormalizeAnswer(prediction, _options.MaxInputLength, stripUnits);
        var (referenceAnswer, referenceStep) = ReferenceExtraction.Of(reference);
        var rn = LatexNormalizer.NormalizeAnswer(referenceAnswer, _options.MaxInputLength, stripUnits);
        var (p, r) = (pn.Text, rn.Text);
        if (p.Length == 0) return new Equivalence(false, "no-answer", p, r);
        // Stripping never changes what the reference means: 5 m is not 5 cm.
        if (pn.Unit is { } pu && rn.Unit is { } ru && pu != ru) return new Equivalence(false, "unit-mismatch", p + " " + pu, r + " " + ru);
        var stripped = (referenceStep == ReferenceExtraction.AsIs ? "" : "reference-" + referenceStep + ">")
                       + (pn.Stripped || rn.Stripped ? "unit-stripped>" : "");
        if (RatioForm.AsQuotient(r) is { } ratio)
        {
            var asRatio = CompareNormalized(RatioForm.AsQuotient(p) ?? LabelledRatio.AsQuotient(p) ?? p, ratio, kind, ctx);
            return new Equivalence(asRatio.Equal, stripped + "ratio>" + asRatio.Path, p, r);
        }
        if (Approximation.Compare(p, r, kind, ctx, CompareNormalized) is { } approx) return new Equivalence(approx.Equal, stripped + approx.Path, p, r);
        var v = CompareNormalized(p, r, kind, ctx);
        // Read before unit stripping, which would drop the 或 between two solutions.
        if (!v.Equal && p.Contains('=')
            && LabelledSolutions.AsTuples(LatexNormalizer.NormalizeAnswer(prediction, _options.MaxInputLength, false).Text) is { } tuples
            && LabelledSolutions.HasTuple(ShapeParser.Parse(r, false)))
        {
            var labelled = CompareNormalized(tuples, r, kind, ctx);
            if (labelled.Equal) return new Equivalence(true, stripped + "labelled>" + labelled.Path, tuples, r);
        }
        return new Equivalence(v.Equal, stripped + v.Path, p, r);
    }

    private static Verdict CompareNormalized(string p, string r, AnswerKind kind, CompareContext ctx)
    {
        ctx.PercentSign = p.Contains('%') || r.Contains('%');
        // "1,234" is a thousands separator unless the other side is a list.
        var number = kind == AnswerKind.Number;
        var shapeP = ShapeParser.Parse(p, number || (kind != AnswerKind.List && !r.Contains(',')));
        var shapeR = ShapeParser.Parse(r, number || (kind != AnswerKind.List && !p.Contains(',')));
        return ShapeComparer.Compare(shapeP, shapeR, ctx);
    }

    private Equivalence CompareChoice(string prediction, string reference, IReadOnlyDictionary<string, string>? choices, CompareContext ctx)
    {
        var refLetter = ChoiceLetter.Whole(reference) ?? reference.Trim().ToUpperInvariant();
        var p = FullWidth.ToAscii(prediction).Trim();
        if (refLetter.Length > 1 && ChoiceLetter.Set(reference) is { } refSet)
        {
            // Multiple-answer question: the set of letters must match exactly.
            var predSet = ChoiceLetter.Set(p) ?? ChoiceLetter.Set(LatexNormalizer.Normalize(p, _options.MaxInputLength));
            return new Equivalence(predSet == refSet, "choice-set", predSet ?? p, refSet);
        }
        var letter = ChoiceLetter.Whole(p) ?? ChoiceLetter.Whole(LatexNormalizer.Normalize(p, _options.MaxInputLength));
        if (letter is not null)
            return new Equivalence(letter == refLetter, "choice", letter, refLetter);
        // The option text instead of its letter: compare with the reference option's text, and make sure it does
        // not match another option better.
        if (choices is not null && choices.TryGetValue(refLetter, out var optionText))
        {
            var np = LatexNormalizer.Normalize(p, _options.MaxInputLength);
            var no = LatexNormalizer.Normalize(optionText, _options.MaxInputLength);
            var v = CompareNormalized(np, no, AnswerKind.Expression, ctx);
            return new Equivalence(v.Equal, "choice-text>" + v.Path, np, refLetter + ": " + no);
        }
        return new Equivalence(false, "choice", p, refLetter);
    }

    private Equivalence CompareBlanks(string prediction, string reference, CompareContext ctx)
    {
        var r = LatexNormalizer.Normalize(reference, _options.MaxInputLength);
        var p = LatexNormalizer.Normalize(prediction, _options.MaxInputLength);
        var refBlanks = Braces.SplitTopLevel(r, ";").Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        var predBlanks = Braces.SplitTopLevel(p, ";").Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        if (refBlanks.Count <= 1)
        {
            var single = CompareNormalized(p, r, AnswerKind.Expression, ctx);
            return new Equivalence(single.Equal, single.Path, p, r);
        }
        if (predBlanks.Count == 1 && refBlanks.Count > 1)
            predBlanks = Braces.SplitTopLevel(p, ",").Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        if (predBlanks.Count != refBlanks.Count)
            return new Equivalence(false, "multi-blank", p, r);
        for (var i = 0; i < refBlanks.Count; i++)
        {
            var v = CompareNormalized(predBlanks[i], refBlanks[i], AnswerKind.Expression, ctx);
            if (!v.Equal) return new Equivalence(false, $"multi-blank>{i + 1}:{v.Path}", p, r);
        }
        return new Equivalence(true, "multi-blank", p, r);
    }
}
