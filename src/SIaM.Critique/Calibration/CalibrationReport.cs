namespace SIaM.Critique.Calibration;

/// <summary>How well a critic's P(YES) matches labelled truth.</summary>
/// <param name="N">Cases with a P(YES).</param>
/// <param name="Unscored">Cases the critic left unparseable or invalid (not in the metrics).</param>
/// <param name="Threshold">The threshold of the point metrics.</param>
/// <param name="Accuracy">Share of verdicts equal to the label.</param>
/// <param name="Precision">True YES / all YES.</param>
/// <param name="Recall">True YES / all labelled yes.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Ece">Expected calibration error over <paramref name="Bins"/>.</param>
/// <param name="Bins">The reliability table.</param>
/// <param name="BestThreshold">The threshold with the highest accuracy (ties: nearest 0.5).</param>
/// <param name="BestAccuracy">The accuracy at <paramref name="BestThreshold"/>.</param>
public sealed record CalibrationReport(
    int N,
    int Unscored,
    double Threshold,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double Ece,
    IReadOnlyList<ReliabilityBin> Bins,
    double BestThreshold,
    double BestAccuracy);

/// <summary>One row of a reliability table: cases whose P(YES) falls in [<paramref name="Low"/>, <paramref name="High"/>).</summary>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanConfidence, double PositiveRate);
