using System.Runtime.CompilerServices;
using SIaM.TorchSharp.Models;
using SIaM.Training.Optimization;
using static TorchSharp.torch;

namespace SIaM.Training.Trainers;

/// <summary>
/// The optimisation loop: AdamW, warm-up + decay schedule, gradient accumulation and clipping, a seeded example order,
/// and checkpoints from which a run resumes with results identical to an uninterrupted one (CPU, one thread).
/// Yields after every update; the checkpoint of that update is on disk before it is yielded.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="lm"/> (made trainable) on <paramref name="objective"/>; resumes from
    /// <paramref name="checkpointDirectory"/> when it holds a checkpoint of the same options.</summary>
    public static async IAsyncEnumerable<TrainingProgress> RunAsync(
        CausalLm lm, ITrainingObjective objective, TrainingOptions options, string? checkpointDirectory = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (objective.Count == 0) throw new ArgumentException("the training set is empty");
        lm.SetTrainable(true);
        using var optimizer = new AdamW(lm.named_parameters(), weightDecay: options.WeightDecay);
        var start = checkpointDirectory is null ? 0 : TrainingCheckpoint.TryRestore(checkpointDirectory, lm, optimizer, options);
        var order = new ExampleOrder(objective.Count, options.Seed);
        var schedule = options.LearningRates;
        for (var step = start; step < options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var progress = Update(lm, objective, options, optimizer, order, schedule, step);
            var last = step + 1 == options.Steps;
            if (checkpointDirectory is not null && (last || (options.CheckpointEvery > 0 && (step + 1) % options.CheckpointEvery == 0)))
                TrainingCheckpoint.Save(checkpointDirectory, lm, optimizer, step + 1, options);
            yield return progress;
            await Task.Yield();
        }
    }

    private static TrainingProgress Update(CausalLm lm, ITrainingObjective objective, TrainingOptions options, AdamW optimizer,
        ExampleOrder order, LearningRateSchedule schedule, int step)
    {
        optimizer.ZeroGrad();
        double loss = 0;
        for (var micro = 0; micro < options.AccumulationSteps; micro++)
        {
            using var scope = NewDisposeScope();
            var position = ((long)step * options.AccumulationSteps + micro) * options.BatchSize;
            var value = objective.Loss(lm, order.Take(position, options.BatchSize));
            (value / options.AccumulationSteps).backward();
            loss += value.to_type(ScalarType.Float64).item<double>() / options.AccumulationSteps;
        }
        var norm = options.MaxGradNorm > 0
            ? nn.utils.clip_grad_norm_(optimizer.Parameters, options.MaxGradNorm)
            : GradNorm(optimizer);
        var lr = schedule.At(step);
        optimizer.Step(lr);
        var examples = (long)(step + 1) * options.AccumulationSteps * options.BatchSize;
        return new TrainingProgress(step + 1, options.Steps, loss, lr, norm, examples);
    }

    private static double GradNorm(AdamW optimizer)
    {
        using var scope = NewDisposeScope();
        var squares = optimizer.Parameters.Where(p => p.grad is not null).Select(p => p.grad!.pow(2).sum()).ToList();
        return squares.Count == 0 ? 0 : stack(squares).sum().sqrt().item<float>();
    }
}
