using SIaM.Critique.Calibration;

namespace SIaM.Critique.Tests.Calibration;

public sealed class CalibratorTests
{
    private static readonly (double, bool)[] Scored = [(0.9, true), (0.8, true), (0.7, false), (0.4, true), (0.2, false), (0.1, false)];

    [Test]
    public void Point_metrics_ece_and_the_reliability_table_match_hand_computed_values()
    {
        // Act
        var report = Calibrator.Compute(Scored, threshold: 0.5, unscored: 2);

        // Assert: tp 2 (0.9, 0.8), fp 1 (0.7), fn 1 (0.4), tn 2
        Assert.That((report.N, report.Unscored), Is.EqualTo((6, 2)));
        Assert.That(report.Accuracy, Is.EqualTo(4 / 6.0).Within(1e-12));
        Assert.That(report.Precision, Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(report.Recall, Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(report.F1, Is.EqualTo(2 / 3.0).Within(1e-12));
        // one case per bin: ECE = (0.1 + 0.2 + 0.7 + 0.6 + 0.2 + 0.1) / 6
        Assert.That(report.Ece, Is.EqualTo(1.9 / 6).Within(1e-12));
        Assert.That(report.Bins.Select(b => b.Count), Is.EqualTo(new[] { 0, 1, 1, 0, 1, 0, 0, 1, 1, 1 }));
        Assert.That(report.Bins[7].PositiveRate, Is.EqualTo(0));
    }

    [Test]
    public void The_best_threshold_maximises_accuracy_and_prefers_the_one_nearest_one_half()
    {
        // Act: 0.8 and 0.4 both reach 5/6; 0.4 is nearer 0.5
        var report = Calibrator.Compute(Scored, threshold: 0.5);

        // Assert
        Assert.That(report.BestThreshold, Is.EqualTo(0.4));
        Assert.That(report.BestAccuracy, Is.EqualTo(5 / 6.0).Within(1e-12));
    }
}
