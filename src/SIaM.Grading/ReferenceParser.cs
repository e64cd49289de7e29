using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Grading.Expressions;
using SIaM.Grading.Normalization;
using SIaM.Grading.Numbers;
using SIaM.Grading.Structure;

namespace SIaM.Grading;

/// <summary>Turns a benchmark reference into its canonical form and says whether the grader understands it. Pure.</summary>
public static partial class ReferenceParser
{
    /// <summary>Parses <paramref name="reference"/> (a sentence is first reduced to its math, as the checker does).</summary>
    public static ParsedReference Parse(string reference, AnswerKind kind, GradingOptions? options = null)
    {
        var o = options ?? GradingOptions.Default;
        if (kind != AnswerKind.Choice && ExamReference.Parse(reference ?? "") is { Form: not "word" } exam) return ExamForm(exam, kind, o);
        var budget = new WorkBudget(o.Budget);
        var normalized = LatexNormalizer.Normalize(
            kind is AnswerKind.Choice or AnswerKind.MultiBlank ? reference ?? "" : ReferenceExtraction.Of(reference ?? "").Answer,
            o.MaxInputLength);
        if (normalized.Length == 0) return new ParsedReference(false, "", "unparsed");
        switch (kind)
        {
            case AnswerKind.Choice:
                var letters = normalized.Replace(",", "").Replace(" ", "");
                return new ParsedReference(ChoiceLetters().IsMatch(letters), letters.ToUpperInvariant(), "choice");
            case AnswerKind.MultiBlank:
            {
                var blanks = Braces.SplitTopLevel(normalized, ";").Select(b => b.Trim()).Where(b => b.Length > 0)
                    .Select(b => Describe(ShapeParser.Parse(b), budget)).ToList();
                return new ParsedReference(blanks.Count > 0 && blanks.All(b => b.Parsed), string.Join("; ", blanks.Select(b => b.Canonical)),
                    blanks.Count > 1 ? "multi-blank" : blanks[0].Form);
            }
        }
        var shape = ShapeParser.Parse(normalized, kind != AnswerKind.List);
        var described = Describe(shape, budget);
        return kind == AnswerKind.List && shape is SeqShape { IsBare: true } ? described with { Form = "list" } : described;
    }

    /// <summary>An exam-form reference: each listed value parsed, the form recorded (<c>alternatives</c>, <c>condition</c>, …).</summary>
    private static ParsedReference ExamForm(ExamReference exam, AnswerKind kind, GradingOptions options)
    {
        var values = exam.Values.Select(v => Parse(v, kind, options)).ToList();
        var joiner = exam.Form == "alternatives" ? " ## " : "; ";
        var canonical = string.Join(joiner, values.Select(v => v.Canonical)) + (exam.Condition is { } c ? $" ({c})" : "");
        return new ParsedReference(values.All(v => v.Parsed), canonical, exam.Form);
    }

    private static ParsedReference Describe(Shape shape, WorkBudget budget)
    {
        switch (shape)
        {
            case ScalarShape s: return Scalar(s.Text, budget);
            case SeqShape q:
            {
                var items = q.Items.Select(i => Describe(i, budget)).ToList();
                var form = q.IsSet ? "set" : q.IsBare ? "list" : q.Items.Count == 2 && (q.Open == '[' || q.Close == ']') ? "interval" : "tuple";
                var open = q.IsSet ? @"\{" : q.IsBare ? "" : q.Open.ToString();
                var close = q.IsSet ? @"\}" : q.IsBare ? "" : q.Close.ToString();
                return new ParsedReference(items.All(i => i.Parsed), open + string.Join(", ", items.Select(i => i.Canonical)) + close, form);
            }
            case UnionShape u:
            {
                var parts = u.Parts.Select(p => Describe(p, budget)).ToList();
                return new ParsedReference(parts.All(p => p.Parsed), string.Join(@" \cup ", parts.Select(p => p.Canonical)), "union");
            }
            case MatrixShape m:
            {
                var rows = m.Rows.Select(r => r.Select(x => Scalar(x, budget)).ToList()).ToList();
                return new ParsedReference(rows.All(r => r.All(x => x.Parsed)),
                    "[" + string.Join("; ", rows.Select(r => string.Join(", ", r.Select(x => x.Canonical)))) + "]", "matrix");
            }
            case RelationShape rel:
            {
                var sides = rel.Sides
                    .Select(x => Scalar(x, budget) is { Parsed: true } scalar ? scalar : Describe(ShapeParser.Parse(x, false), budget))
                    .ToList();
                var text = sides[0].Canonical;
                for (var i = 0; i < rel.Ops.Count; i++) text += $" {rel.Ops[i]} {sides[i + 1].Canonical}";
                return new ParsedReference(sides.All(x => x.Parsed), text, "relation");
            }
            default: return new ParsedReference(false, shape.ToString() ?? "", "unparsed");
        }
    }

    private static ParsedReference Scalar(string text, WorkBudget budget)
    {
        if (ExprParser.Parse(text, budget) is { } expr)
        {
            return ExactEvaluator.Evaluate(expr, budget) is { } exact
                ? new ParsedReference(true, exact.ToString(), "number")
                : new ParsedReference(true, CanonicalForm.Print(expr), "expression");
        }
        if (TimeOrRatio().IsMatch(text)) return new ParsedReference(true, text.Replace(" ", "").ToLowerInvariant(), "ratio");
        return Words().IsMatch(text) ? new ParsedReference(true, text.ToLowerInvariant(), "text") : new ParsedReference(false, text, "unparsed");
    }

    [GeneratedRegex(@"^[A-Ea-e]+$")]
    private static partial Regex ChoiceLetters();

    [GeneratedRegex(@"^\d+(\s*:\s*\d+)+(\s*[ap]m)?$|^\d+\s*[ap]m$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOrRatio();

    [GeneratedRegex(@"^[\p{L}①-⑩][\p{L}\p{N}①-⑩\s'.,\-]*$")]
    private static partial Regex Words();
}
