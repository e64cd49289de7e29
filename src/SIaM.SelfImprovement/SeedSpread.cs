using System.Globalization;
using System.Text;
using SIaM.Core;
using SIaM.Reporting.Statistics;

namespace SIaM.SelfImprovement;

/// <summary>
/// How robust the loop's gain over its control is across runs that differ only in their seed: for each run, the last
/// iteration's loop − control per tier (the suite name after its language, <c>en-seed</c> → <c>seed</c>), pooled over
/// the languages and paired per question; then per tier the mean, the sample standard deviation and mean − 2 sd, the
/// margin a CI assertion on one seed can rely on. Rendered from the runs' <c>iterations.json</c>, never typed. Pure
/// but for reading those files.
/// </summary>
public static class SeedSpread
{
    /// <summary>One run's pooled gain on one tier.</summary>
    public sealed record TierGain(int N, int LoopOnly, int ControlOnly)
    {
        public double Points => N == 0 ? 0 : 100.0 * (LoopOnly - ControlOnly) / N;
        public double PValue => McNemar.ExactPValue(ControlOnly, LoopOnly);
    }

    /// <summary>Per tier, the last iteration's gain pooled over the languages of that tier.</summary>
    public static IReadOnlyDictionary<string, TierGain> Tiers(IReadOnlyList<IterationSummary> rows)
    {
        var last = rows.LastOrDefault(r => r.Gain is not null) ?? throw new InputException("no iteration with a control arm (run with --control)");
        return last.Gain!
            .GroupBy(kv => Tier(kv.Key), kv => kv.Value)
            .ToDictionary(g => g.Key, g => new TierGain(g.Sum(x => x.N), g.Sum(x => x.LoopOnly), g.Sum(x => x.ControlOnly)));
    }

    /// <summary>The Markdown table over the runs under <paramref name="directories"/>.</summary>
    public static string Render(IReadOnlyList<string> directories)
    {
        if (directories.Count < 2) throw new InputException("the spread needs two runs or more (one per seed)");
        var runs = directories.Select(d => (Name: Path.GetFileName(Path.TrimEndingDirectorySeparator(d)), Tiers: Tiers(IterationsFile.Read(d)))).ToList();
        var tiers = runs[0].Tiers.Keys.ToList();
        foreach (var run in runs.Where(r => !r.Tiers.Keys.ToHashSet().SetEquals(tiers)))
            throw new InputException($"{run.Name}: its tiers ({string.Join(", ", run.Tiers.Keys)}) differ from {runs[0].Name}'s ({string.Join(", ", tiers)})");

        var text = new StringBuilder();
        text.AppendLine("| run | " + string.Join(" | ", tiers.Select(t => $"{t}: loop − control (p)")) + " |");
        text.AppendLine("|---|" + string.Concat(tiers.Select(_ => "---:|")));
        foreach (var run in runs)
            text.AppendLine($"| {run.Name} | " + string.Join(" | ", tiers.Select(t => Cell(run.Tiers[t]))) + " |");
        var stats = tiers.ToDictionary(t => t, t => MeanSd(runs.Select(r => r.Tiers[t].Points).ToList()));
        text.AppendLine("| mean ± sd | " + string.Join(" | ", tiers.Select(t => F($"{stats[t].Mean:+0.0;−0.0;0.0} ± {stats[t].Sd:0.0}"))) + " |");
        text.AppendLine("| mean − 2 sd | " + string.Join(" | ", tiers.Select(t => F($"{stats[t].Mean - 2 * stats[t].Sd:+0.0;−0.0;0.0}"))) + " |");
        return text.ToString();
    }

    /// <summary>The tier of a suite: its name after the language prefix (<c>zh-answer-only</c> → <c>answer-only</c>).</summary>
    public static string Tier(string suite) => suite.IndexOf('-') is > 0 and var dash ? suite[(dash + 1)..] : suite;

    /// <summary>Mean and sample standard deviation.</summary>
    public static (double Mean, double Sd) MeanSd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sd = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return (mean, sd);
    }

    private static string Cell(TierGain gain) => F($"{gain.Points:+0.0;−0.0;0.0} ({gain.PValue:0.000})");

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
