using SIaM.Training.Optimization;

namespace SIaM.Training.Tests.Optimization;

public sealed class LearningRateScheduleTests
{
    [TestCase(ScheduleKind.Cosine, 0, 0.0)]
    [TestCase(ScheduleKind.Cosine, 2, 0.5)]
    [TestCase(ScheduleKind.Cosine, 4, 1.0)]
    [TestCase(ScheduleKind.Cosine, 9, 0.5)]
    [TestCase(ScheduleKind.Cosine, 14, 0.0)]
    [TestCase(ScheduleKind.Linear, 9, 0.5)]
    [TestCase(ScheduleKind.Linear, 11, 0.3)]
    [TestCase(ScheduleKind.Constant, 13, 1.0)]
    public void Warm_up_is_linear_and_the_decay_reaches_zero_at_the_last_step(ScheduleKind kind, int step, double fraction)
    {
        // Arrange: 4 warm-up steps, 14 in all
        var schedule = new LearningRateSchedule(Peak: 2e-3, WarmupSteps: 4, TotalSteps: 14, kind);

        // Act
        var lr = schedule.At(step);

        // Assert
        Assert.That(lr, Is.EqualTo(2e-3 * fraction).Within(1e-15));
    }
}
