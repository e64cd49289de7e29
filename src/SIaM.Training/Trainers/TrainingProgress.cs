namespace SIaM.Training.Trainers;

/// <summary>What one optimizer update did.</summary>
/// <param name="Step">1-based update number.</param>
/// <param name="TotalSteps">Updates in the run.</param>
/// <param name="Loss">Mean loss over the update's micro-batches.</param>
/// <param name="LearningRate">The rate the update used.</param>
/// <param name="GradNorm">Global gradient norm before clipping.</param>
/// <param name="Examples">Examples seen so far.</param>
public sealed record TrainingProgress(int Step, int TotalSteps, double Loss, double LearningRate, double GradNorm, long Examples);
