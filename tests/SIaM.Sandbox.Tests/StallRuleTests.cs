using NUnit.Framework;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

public sealed class StallRuleTests
{
    [Test]
    public void Before_any_run_time_is_known_a_program_is_slow_only_past_the_floor()
    {
        // Arrange
        var rule = new StallRule(MedianRunTimes: 4, FloorSeconds: 0.5);

        // Act
        var early = rule.IsSlow(0.4, medianSeconds: null);
        var late = rule.IsSlow(0.6, medianSeconds: null);

        // Assert
        Assert.That(early, Is.False);
        Assert.That(late, Is.True);
    }

    [Test]
    public void A_program_is_slow_past_a_few_median_run_times_and_never_before_the_floor()
    {
        // Arrange
        var rule = new StallRule(MedianRunTimes: 4, FloorSeconds: 0.5);

        // Act
        var thresholdForQuickPrograms = rule.ThresholdSeconds(0.02);
        var thresholdForSlowPrograms = rule.ThresholdSeconds(2);

        // Assert
        Assert.That(thresholdForQuickPrograms, Is.EqualTo(0.5), "4 × 20 ms is under the floor");
        Assert.That(thresholdForSlowPrograms, Is.EqualTo(8));
        Assert.That(rule.IsSlow(7.9, 2), Is.False);
        Assert.That(rule.IsSlow(8.1, 2), Is.True);
    }

    [Test]
    public void The_median_run_time_is_the_middle_of_the_recent_window()
    {
        // Arrange
        var median = new RunTimeMedian(window: 5);
        var none = median.Median;

        // Act
        foreach (var seconds in new[] { 0.3, 10.0, 0.1 }) median.Add(seconds);
        var odd = median.Median;
        median.Add(0.2);
        var even = median.Median;

        // Assert: one time-out does not move the median
        Assert.That(none, Is.Null);
        Assert.That(odd, Is.EqualTo(0.3));
        Assert.That(even, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Old_run_times_leave_the_median_once_the_window_is_full()
    {
        // Arrange
        var median = new RunTimeMedian(window: 3);
        foreach (var seconds in new[] { 5.0, 5.0, 5.0 }) median.Add(seconds);

        // Act
        foreach (var seconds in new[] { 0.1, 0.2 }) median.Add(seconds);

        // Assert: the window holds 5, 0.1, 0.2
        Assert.That(median.Median, Is.EqualTo(0.2));
    }
}
