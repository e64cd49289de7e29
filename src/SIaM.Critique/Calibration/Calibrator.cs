namespace SIaM.Critique.Calibration;

/// <summary>Computes a <see cref="CalibrationReport"/> from P(YES) values and labels. Pure.</summary>
public static class Calibrator
{
    /// <summary>The report for <paramref name="scored"/> at <paramref name="threshold"/>, with <paramref name="bins"/> equal-width bins.</summary>
    public static CalibrationReport Compute(IReadOnlyList<(double PYes, bool Label)> scored, double threshold, int unscored = 0, int bins = 10)
    {
        var (accuracy, precision, recall, f1) = PointMetrics(scored, threshold);
        var table = Enumerable.Range(0, bins).Select(b =>
        {
            var (low, high) = (b / (double)bins, (b + 1) / (double)bins);
            var inBin = scored.Where(s => s.PYes >= low && (s.PYes < high || (b == bins - 1 && s.PYes <= 1))).ToList();
            return new ReliabilityBin(low, high, inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(s => s.PYes),
                inBin.Count == 0 ? 0 : inBin.Count(s => s.Label) / (double)inBin.Count);
        }).ToList();
        var ece = scored.Count == 0 ? 0 : table.Sum(b => b.Count / (double)scored.Count * Math.Abs(b.MeanConfidence - b.PositiveRate));
        var best = scored.Select(s => s.PYes).Append(0.5).Append(1.0 + 1e-9).Distinct()
            .Select(t => (Threshold: t, Accuracy: PointMetrics(scored, t).Accuracy))
            .OrderByDescending(x => x.Accuracy).ThenBy(x => Math.Abs(x.Threshold - 0.5)).ThenBy(x => x.Threshold)
            .First();
        return new CalibrationReport(scored.Count, unscored, threshold, accuracy, precision, recall, f1, ece, table,
            Math.Min(best.Threshold, 1), best.Accuracy);
    }

    private static (double Accuracy, double Precision, double Recall, double F1) PointMetrics(IReadOnlyList<(double PYes, bool Label)> scored, double threshold)
    {
        if (scored.Count == 0) return (0, 0, 0, 0);
        var tp = scored.Count(s => s.PYes >= threshold && s.Label);
        var fp = scored.Count(s => s.PYes >= threshold && !s.Label);
        var fn = scored.Count(s => s.PYes < threshold && s.Label);
        var tn = scored.Count - tp - fp - fn;
        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return ((tp + tn) / (double)scored.Count, precision, recall, f1);
    }
}
