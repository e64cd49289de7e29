using SIaM.Training.Optimization;

namespace SIaM.Training.Trainers;

/// <summary>Hyper-parameters of one training run.</summary>
/// <param name="Steps">Optimizer updates.</param>
/// <param name="BatchSize">Examples per micro-batch.</param>
/// <param name="AccumulationSteps">Micro-batches whose gradients are summed into one update (each loss divided by this).</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="WarmupSteps">Linear warm-up updates.</param>
/// <param name="Schedule">Decay after warm-up.</param>
/// <param name="WeightDecay">AdamW decoupled weight decay.</param>
/// <param name="MaxGradNorm">Global L2 norm the gradients are clipped to (0: no clipping).</param>
/// <param name="Seed">Seeds the example order (each epoch is a fresh permutation).</param>
/// <param name="CheckpointEvery">Updates between checkpoints when a checkpoint directory is given (0: only at the end).</param>
public sealed record TrainingOptions(
    int Steps,
    int BatchSize = 8,
    int AccumulationSteps = 1,
    double LearningRate = 1e-3,
    int WarmupSteps = 0,
    ScheduleKind Schedule = ScheduleKind.Cosine,
    double WeightDecay = 0.0,
    double MaxGradNorm = 1.0,
    int Seed = 0,
    int CheckpointEvery = 0)
{
    /// <summary>The learning-rate schedule these options describe.</summary>
    public LearningRateSchedule LearningRates => new(LearningRate, WarmupSteps, Steps, Schedule);

    /// <summary>Throws <see cref="ArgumentException"/> on values that cannot train.</summary>
    public void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"steps must be at least 1, got {Steps}");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        if (AccumulationSteps < 1) throw new ArgumentException($"accumulation steps must be at least 1, got {AccumulationSteps}");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate must be positive, got {LearningRate}");
        if (WarmupSteps < 0 || MaxGradNorm < 0 || WeightDecay < 0 || CheckpointEvery < 0)
            throw new ArgumentException("warm-up, gradient norm, weight decay and checkpoint interval must not be negative");
    }
}
