namespace SIaM.Training.Optimization;

/// <summary>
/// Linear warm-up then cosine, linear or constant decay, as Hugging Face's <c>get_*_schedule_with_warmup</c> define
/// it: the update at 0-based step s uses peak · s / warmup during warm-up, then the decay over the remaining steps.
/// </summary>
public sealed record LearningRateSchedule(double Peak, int WarmupSteps, int TotalSteps, ScheduleKind Kind)
{
    /// <summary>The learning rate of the update at 0-based <paramref name="step"/>.</summary>
    public double At(int step)
    {
        if (step < WarmupSteps) return Peak * step / Math.Max(1, WarmupSteps);
        var remaining = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = (double)(step - WarmupSteps) / remaining;
        return Kind switch
        {
            ScheduleKind.Cosine => Peak * Math.Max(0, 0.5 * (1 + Math.Cos(Math.PI * progress))),
            ScheduleKind.Linear => Peak * Math.Max(0, 1 - progress),
            _ => Peak,
        };
    }
}
