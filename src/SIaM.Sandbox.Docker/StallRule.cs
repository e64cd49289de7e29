namespace SIaM.Sandbox.Docker;

/// <summary>
/// When a worker's running program counts as slow, so that a program waiting behind it inside that worker is copied to
/// the next free worker: once it has run longer than <see cref="MedianRunTimes"/> × the pool's median run time, and never
/// before <see cref="FloorSeconds"/> (nor before any run time is known).
/// </summary>
/// <param name="MedianRunTimes">How many median run times a program may run before the programs behind it move.</param>
/// <param name="FloorSeconds">The least time a program runs before the programs behind it move.</param>
public sealed record StallRule(double MedianRunTimes = 4, double FloorSeconds = 0.5)
{
    /// <summary>The run time beyond which a running program is slow, given the pool's median run time (null: none yet).</summary>
    public double ThresholdSeconds(double? medianSeconds) => Math.Max(FloorSeconds, MedianRunTimes * (medianSeconds ?? 0));

    /// <summary>Whether a program that has run <paramref name="runningSeconds"/> is slow.</summary>
    public bool IsSlow(double runningSeconds, double? medianSeconds) => runningSeconds > ThresholdSeconds(medianSeconds);
}
