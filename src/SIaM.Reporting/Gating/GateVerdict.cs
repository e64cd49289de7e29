using System.Globalization;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Gating;

/// <summary>The gate's decision on one benchmark or suite.</summary>
/// <param name="Row">The compared row.</param>
/// <param name="Threshold">Its floor and α.</param>
/// <param name="Failed">Tested, the drop is above the floor, and the adjusted p is below <paramref name="Alpha"/>.</param>
/// <param name="AdjustedPValue">The row's p adjusted for its family (equal to the raw p for a row judged alone).</param>
/// <param name="Alpha">The level the adjusted p is compared with.</param>
/// <param name="MinimumDetectableDropPoints">The true drop the row finds with 80% power in its family, from its size and observed flips.</param>
/// <param name="Family">Which family the row was judged in, in words.</param>
/// <param name="PowerAlpha">The raw-p level the power is planned for: α over the family's size (Bonferroni, Holm's first step).</param>
/// <param name="Tested">False for a benchmark of a hierarchy whose suites all passed: it was not looked at.</param>
public sealed record GateVerdict(
    ScoreComparison Row, GateThreshold Threshold, bool Failed, double AdjustedPValue, double Alpha,
    double MinimumDetectableDropPoints, string Family, double PowerAlpha, bool Tested = true)
{
    /// <summary>Base − candidate in percentage points (positive is a drop).</summary>
    public double DropPoints => -100 * Row.Delta + 0.0; // + 0.0 turns -0 into 0

    /// <summary>True when the row cannot reliably find a drop just above its floor: its detectable drop is larger than max_drop.</summary>
    public bool UnderPowered => MinimumDetectableDropPoints > Threshold.MaxDropPoints;

    /// <summary>FAIL, pass or untested, with "under-powered" when it applies.</summary>
    public string Status => (Failed ? "FAIL" : Tested ? "pass" : "not tested") + (UnderPowered && !Failed ? " (under-powered)" : "");

    /// <summary>One line with the numbers behind the decision.</summary>
    public string Explanation
    {
        get
        {
            var clustered = Row.SamplesPerProblem > 1
                ? I($", {Row.SamplesPerProblem} samples/problem, clustered SE {100 * (Row.Paired?.StandardError ?? 0):0.00} pts") : "";
            return I($"{Row.Name}: {100 * Row.BaseAccuracy:0.00}% -> {100 * Row.CandidateAccuracy:0.00}% (drop {DropPoints:0.00} pts, ") +
                   I($"95% CI of delta [{100 * Row.DeltaInterval.Low:0.00}, {100 * Row.DeltaInterval.High:0.00}] pts{clustered}), ") +
                   I($"flips {Row.CorrectToWrong} down / {Row.WrongToCorrect} up, {Row.Test} p = {Format.P(Row.PValue)}, ") +
                   I($"adjusted p = {Format.P(AdjustedPValue)} ({Family}); detectable drop at 80% power {DetectableText}") +
                   (UnderPowered ? " (under-powered)" : "") +
                   I($"; gate: drop > {Threshold.MaxDropPoints:0.##} pts and adjusted p < {Alpha:0.#####} -> ") +
                   (Failed ? "FAIL" : Tested ? "pass" : "not tested");
        }
    }

    /// <summary>The detectable drop in points, or "none" for a row without problems.</summary>
    public string DetectableText => double.IsFinite(MinimumDetectableDropPoints)
        ? MinimumDetectableDropPoints.ToString("0.00", CultureInfo.InvariantCulture) + " pts" : "none";

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
