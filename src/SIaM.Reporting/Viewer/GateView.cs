using SIaM.Reporting.Gating;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Viewer;

/// <summary>
/// What the viewer shows of a gate verdict, as labelled fields: the banner and the row details render every field in
/// order, so a field added here (an adjusted p-value, an under-powered flag) appears without touching the page.
/// </summary>
public static class GateView
{
    /// <summary>The fields of one verdict.</summary>
    public static IReadOnlyList<(string Label, string Value)> Fields(GateVerdict verdict)
    {
        var row = verdict.Row;
        var ci = row.DeltaInterval;
        return
        [
            ("verdict", verdict.Failed ? "FAIL" : "pass"),
            ("accuracy", $"{Format.Pct(row.BaseAccuracy)}% → {Format.Pct(row.CandidateAccuracy)}%"),
            ("drop", $"{verdict.DropPoints.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} pts"),
            ("Δ 95% CI", $"[{Format.Points(ci.Low)}, {Format.Points(ci.High)}] pts"),
            ("McNemar p", Format.P(row.PValue)),
            ("flips ↓/↑", $"{row.CorrectToWrong}/{row.WrongToCorrect}"),
            ("pairs", Format.Int(row.Pairs)),
            ("rule", $"drop > {verdict.Threshold.MaxDropPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} pts " +
                     $"and p < {verdict.Threshold.Alpha.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}"),
        ];
    }
}
