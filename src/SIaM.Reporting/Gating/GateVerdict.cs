using SIaM.Reporting.Comparing;

namespace SIaM.Reporting.Gating;

/// <summary>The gate's decision on one benchmark or suite.</summary>
public sealed record GateVerdict(ScoreComparison Row, GateThreshold Threshold, bool Failed)
{
    /// <summary>Base − candidate in percentage points (positive is a drop).</summary>
    public double DropPoints => -100 * Row.Delta + 0.0; // + 0.0 turns -0 into 0

    /// <summary>One line with the numbers behind the decision.</summary>
    public string Explanation => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Row.Name}: {100 * Row.BaseAccuracy:0.00}% -> {100 * Row.CandidateAccuracy:0.00}% (drop {DropPoints:0.00} pts, " +
        $"95% CI of delta [{100 * Row.DeltaInterval.Low:0.00}, {100 * Row.DeltaInterval.High:0.00}] pts), " +
        $"flips {Row.CorrectToWrong} down / {Row.WrongToCorrect} up, McNemar p = {Row.PValue:0.0000}; " +
        $"gate: drop > {Threshold.MaxDropPoints:0.##} pts and p < {Threshold.Alpha:0.###} -> {(Failed ? "FAIL" : "pass")}");
}
