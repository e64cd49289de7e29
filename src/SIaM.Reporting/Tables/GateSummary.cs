using SIaM.Reporting.Gating;

namespace SIaM.Reporting.Tables;

/// <summary>
/// The gate's verdict at a glance, for every rendering: PASS or REGRESSION, the failing rows (drop, adjusted p,
/// interval) and the rows that cannot find a drop just above their floor.
/// </summary>
public static class GateSummary
{
    /// <summary>PASS, or REGRESSION when a row failed; null without a gate.</summary>
    public static string? Headline(IReadOnlyList<GateVerdict>? verdicts) =>
        verdicts is null ? null : verdicts.Any(v => v.Failed) ? "REGRESSION" : "PASS";

    /// <summary>One line per failing row: name, drop, adjusted p and the 95% interval of the change.</summary>
    public static IEnumerable<string> Failures(IReadOnlyList<GateVerdict>? verdicts) =>
        (verdicts ?? []).Where(v => v.Failed).Select(v =>
            $"{Name(v)}: drop {Format.Pct(v.DropPoints / 100)} pts, adjusted p {Format.P(v.AdjustedPValue)} ({v.Family}), " +
            $"Δ 95% CI [{Format.Points(v.Row.DeltaInterval.Low)}, {Format.Points(v.Row.DeltaInterval.High)}] pts");

    /// <summary>One line per under-powered row: what it can detect against its floor.</summary>
    public static IEnumerable<string> UnderPowered(IReadOnlyList<GateVerdict>? verdicts) =>
        (verdicts ?? []).Where(v => v.UnderPowered).Select(v =>
            $"{Name(v)}: detects {v.DetectableText} at 80% power, " +
            $"floor {v.Threshold.MaxDropPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} pts");

    private static string Name(GateVerdict v) => v.Row.IsSuite ? $"{v.Row.Name} (suite)" : v.Row.Name;
}
