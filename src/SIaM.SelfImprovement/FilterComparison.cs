using System.Globalization;
using System.Text;
using SIaM.Core.Sandbox;
using SIaM.Core.Scoring;
using SIaM.Core.SelfImprovement;

namespace SIaM.SelfImprovement;

/// <summary>One filter's data in one iteration, measured against a ground truth.</summary>
/// <param name="Iteration">The iteration whose samples were judged.</param>
/// <param name="Filter">The filter (<c>rule</c>, <c>critic</c>) or <c>truth</c> (the ground truth as a filter).</param>
/// <param name="Judged">Samples whose program ran cleanly.</param>
/// <param name="TrulyCorrect">Of those, samples the ground truth calls correct.</param>
/// <param name="Accepted">Samples the filter accepted.</param>
/// <param name="AcceptedCorrect">Accepted samples that are truly correct.</param>
/// <param name="Agreement">Share of all samples where the filter and the rule filter agree.</param>
/// <param name="Kappa">Cohen's κ of the filter against the rule filter (null when undefined).</param>
/// <param name="SftTargets">SFT targets the filter's verdicts select.</param>
/// <param name="SftCorrect">Of those, targets that are truly correct.</param>
/// <param name="Pairs">Preference pairs the filter's verdicts build.</param>
public sealed record FilterComparisonRow(int Iteration, string Filter, int Judged, int TrulyCorrect, int Accepted, int AcceptedCorrect,
    double Agreement, double? Kappa, int SftTargets, int SftCorrect, int Pairs)
{
    /// <summary>Accepted samples that are truly correct, over accepted (null when nothing was accepted).</summary>
    public double? Precision => Accepted == 0 ? null : AcceptedCorrect / (double)Accepted;

    /// <summary>Truly correct samples the filter accepted, over truly correct (null when none is).</summary>
    public double? Recall => TrulyCorrect == 0 ? null : AcceptedCorrect / (double)TrulyCorrect;
}

/// <summary>
/// Compares the data each recorded filter would select in a finished iteration of the loop (its <c>samples.jsonl</c> and
/// <c>verdicts.jsonl</c>): accepted samples, precision and recall against a ground truth, agreement and Cohen's κ with
/// the rule filter, SFT targets and preference pairs. A <c>truth</c> row shows what a perfect filter would yield.
/// </summary>
public static class FilterComparison
{
    /// <summary>The rows of iteration <paramref name="iteration"/> under <paramref name="runDirectory"/>.</summary>
    public static IReadOnlyList<FilterComparisonRow> Compute(string runDirectory, int iteration, IReadOnlyList<LoopQuestion> pool,
        SelectionLimits limits, Func<string, string, bool> truth)
    {
        var directory = Path.Combine(runDirectory, $"iter-{iteration}");
        var samples = JsonLines.Read<LoopSample>(Path.Combine(directory, "samples.jsonl"));
        var verdicts = JsonLines.Read<LoopVerdict>(Path.Combine(directory, "verdicts.jsonl"));
        var reference = pool.ToDictionary(q => q.Id, q => q.Answer);
        var correct = verdicts.Select(v => v.Status == ExecStatus.Ok && v.Program is not null && truth(reference[v.QuestionId], v.Output)).ToArray();
        var filters = verdicts.SelectMany(v => v.Accepted.Keys).Distinct().OrderBy(f => f == "rule" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var judged = verdicts.Count(v => v.Status == ExecStatus.Ok && v.Program is not null);
        var rule = verdicts.Select(v => v.Accepted.GetValueOrDefault("rule")).ToArray();
        var rows = new List<FilterComparisonRow>();
        foreach (var (name, accepted) in filters.Select(f => (f, verdicts.Select(v => v.Accepted.GetValueOrDefault(f)).ToArray()))
                     .Append(("truth", correct)))
        {
            var judgedVerdicts = verdicts.Select((v, i) => v with { Accepted = new Dictionary<string, bool> { [name] = accepted[i] } }).ToList();
            var candidates = LoopCandidates.Of(samples, judgedVerdicts, name);
            var sft = SftTargetSelector.Select(candidates, limits);
            var index = candidates.Select((c, i) => (c, i)).ToDictionary(x => (x.c.QuestionId, x.c.SampleIndex), x => x.i);
            var (agreement, kappa) = Agreement(rule, accepted);
            rows.Add(new FilterComparisonRow(iteration, name, judged, correct.Count(c => c), accepted.Count(a => a),
                accepted.Where((a, i) => a && correct[i]).Count(), agreement, kappa, sft.Count,
                sft.Count(s => correct[index[(s.QuestionId, s.SampleIndex)]]), PreferencePairSelector.Build(candidates, limits).Count));
        }
        return rows;
    }

    /// <summary>Share of agreement and Cohen's κ of two verdict vectors.</summary>
    public static (double Agreement, double? Kappa) Agreement(IReadOnlyList<bool> a, IReadOnlyList<bool> b)
    {
        if (a.Count == 0) return (1, null);
        double n = a.Count;
        var observed = a.Where((x, i) => x == b[i]).Count() / n;
        return (observed, CohensKappa.Of(a, b));
    }

    /// <summary>The rows as one Markdown table.</summary>
    public static string Render(IEnumerable<FilterComparisonRow> rows)
    {
        static string P(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
        var text = new StringBuilder()
            .AppendLine(
                "| iter | filter | ran ok | truly correct | accepted | accepted & correct | precision | recall | agreement with rule | κ vs rule | " +
                "SFT targets | SFT targets correct | pairs |")
            .AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Iteration} | {r.Filter} | {r.Judged} | {r.TrulyCorrect} | {r.Accepted} | {r.AcceptedCorrect} | " +
                $"{P(r.Precision)} | {P(r.Recall)} | {P(r.Agreement)} | " +
                $"{(r.Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : "–")} | " +
                $"{r.SftTargets} | {r.SftCorrect} | {r.Pairs} |"));
        return text.ToString();
    }
}
