using System.Numerics;
using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Grading.Expressions;
using SIaM.Grading.Extraction;
using SIaM.Grading.Normalization;
using SIaM.Grading.Structure;

namespace SIaM.Grading;

/// <summary>Exam-style references (<see cref="ExamReference"/>) and a choice letter given as the answer of a fill-in item.</summary>
public sealed partial class MathEquivalenceChecker
{
    private const int MaxConditionSides = 6;

    /// <summary>The verdict for an exam-form reference, its path naming the form (<c>reference-alternatives&gt;…</c>), or null.</summary>
    private Equivalence? CompareExamForm(string prediction, string reference, AnswerKind kind, IReadOnlyDictionary<string, string>? choices,
        string? question)
    {
        if (ExamReference.Parse(reference) is not { } exam) return null;
        var prefix = "reference-" + exam.Form + ">";
        switch (exam.Form)
        {
            case "alternatives":
            {
                Equivalence? last = null;
                foreach (var form in exam.Values)
                {
                    last = CompareCore(prediction, form, kind, choices, question, examForms: false);
                    if (last.Equivalent) break;
                }
                return last! with { Path = prefix + last!.Path };
            }
            case "blanks":
            {
                var blanks = CompareBlanks(BlankJoiner().Replace(prediction, ";"), string.Join(";", exam.Values), new CompareContext(_options));
                return blanks with { Path = prefix + blanks.Path };
            }
            case "condition":
            {
                var listed = CompareCore(prediction, exam.Values[0], kind, choices, question, examForms: false);
                if (listed.Equivalent || exam.Condition is null || !Satisfies(prediction, exam.Condition)) return listed with { Path = prefix + listed.Path };
                return listed with { Equivalent = true, Path = prefix + "satisfied" };
            }
            case "word":
            {
                var word = CompareCore(prediction, exam.Values[0], kind, choices, question, examForms: false);
                // A word said alone is an ordinary string match; only a word found in a phrase is recorded as this form.
                if (word.Equivalent || !AnswerWord.States(prediction, exam.Values[0])) return word;
                return word with { Equivalent = true, Path = prefix + "contains" };
            }
            default:
            {
                var value = CompareCore(prediction, exam.Values[0], kind, choices, question, examForms: false);
                return value with { Path = prefix + value.Path };
            }
        }
    }

    /// <summary>A fill-in item whose reference is a choice letter ("A", "\text{(C)}"): the stated letter decides, its option text aside.</summary>
    private Equivalence? CompareLetter(string prediction, string reference)
    {
        if (reference.Length > 16 || !LetterReference().IsMatch(reference.Trim())) return null;
        var r = reference.Trim().Replace(@"\text{", "").Replace("}", "");
        var p = LatexNormalizer.Normalize(prediction, _options.MaxInputLength);
        if (!LetterPrediction().IsMatch(p) || ChoiceLetter.Whole(p) is not { } letter) return null;
        var expected = r.Trim('(', ')');
        return new Equivalence(letter == expected, "choice-letter", letter, expected);
    }

    /// <summary>True when the predicted value (or the value of <c>e = …</c>) satisfies every relation of the chain.</summary>
    private bool Satisfies(string prediction, string condition)
    {
        var budget = new Numbers.WorkBudget(_options.Budget);
        if (ShapeParser.Parse(LatexNormalizer.Normalize(condition, _options.MaxInputLength), false) is not RelationShape chain
            || chain.Sides.Count > MaxConditionSides || chain.Ops.Any(o => o is not ("<" or ">" or @"\le" or @"\ge")))
            return false;
        var variables = chain.Sides.Select(s => s.Trim()).Where(s => VariableName().IsMatch(s)).Distinct().ToList();
        if (variables.Count != 1) return false;
        var p = LatexNormalizer.Normalize(prediction, _options.MaxInputLength);
        if (ShapeParser.Parse(p, false) is RelationShape { Ops: ["="] } stated && stated.Sides[0].Trim() == variables[0]) p = stated.Sides[1];
        if (Constant(p, budget) is not { } value) return false;
        var sides = new double[chain.Sides.Count];
        for (var i = 0; i < sides.Length; i++)
        {
            if (chain.Sides[i].Trim() == variables[0]) sides[i] = value;
            else if (Constant(chain.Sides[i], budget) is { } c) sides[i] = c;
            else return false;
        }
        for (var i = 0; i < chain.Ops.Count; i++)
        {
            var (a, b) = (sides[i], sides[i + 1]);
            var tolerance = 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
            var holds = chain.Ops[i] switch
            {
                "<" => a < b - tolerance,
                ">" => a > b + tolerance,
                @"\le" => a <= b + tolerance,
                _ => a >= b - tolerance,
            };
            if (!holds) return false;
        }
        return true;
    }

    private static double? Constant(string text, Numbers.WorkBudget budget)
    {
        if (ExprParser.Parse(text.Trim(), budget) is not { } e || NumericEvaluator.Variables(e).Count > 0) return null;
        var z = NumericEvaluator.Evaluate(e, new Dictionary<string, Complex>(), budget);
        return double.IsFinite(z.Real) && Math.Abs(z.Imaginary) < 1e-12 ? z.Real : null;
    }

    [GeneratedRegex(@"\s*和\s*|\s+and\s+")]
    private static partial Regex BlankJoiner();

    [GeneratedRegex(@"^(?:[A-E]|\([A-E]\)|\\text\{\(?[A-E]\)?\})$")]
    private static partial Regex LetterReference();

    // "A", "(C) Plane", "A. 1/2", "B)": an upper-case letter standing as a choice, not "a = 2".
    [GeneratedRegex(@"^[\(\[]?[A-E](?![\w])(?!\s*[=<>+\-*/^])(?:[\)\]][\.:]?|[\.:])?(?:\s.*)?$", RegexOptions.Singleline)]
    private static partial Regex LetterPrediction();

    [GeneratedRegex(@"^(?:[a-zA-Z]|\\[a-z]+)$")]
    private static partial Regex VariableName();
}
