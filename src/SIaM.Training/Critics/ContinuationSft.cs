using SIaM.Core;
using SIaM.TorchSharp;
using SIaM.Training.Checkpoints;
using SIaM.Training.Scoring;
using SIaM.Training.Trainers;

namespace SIaM.Training.Critics;

/// <summary>The outcome of <see cref="ContinuationSft.TrainAsync"/>.</summary>
/// <param name="Examples">Training examples.</param>
/// <param name="Steps">Optimizer updates.</param>
/// <param name="FirstLoss">Loss of the first update.</param>
/// <param name="LastLoss">Loss of the last update.</param>
/// <param name="ResponseTokens">Response tokens per pass over the examples.</param>
public sealed record ContinuationSftResult(int Examples, int Steps, double FirstLoss, double LastLoss, long ResponseTokens);

/// <summary>
/// Supervised fine-tuning of an <c>hf:</c> checkpoint on (plain prompt, continuation) pairs, loss on the continuation
/// only (<see cref="SftObjective"/>), written as a new <c>hf:</c> checkpoint with the base's tokenizer. The output
/// directory appears only when training finished.
/// </summary>
public static class ContinuationSft
{
    /// <summary>Trains from <paramref name="baseDirectory"/> and writes <paramref name="outDirectory"/>.</summary>
    /// <exception cref="InputException">No examples, a pair that adds no tokens or does not fit the model's context, or an occupied output.</exception>
    public static async Task<ContinuationSftResult> TrainAsync(string baseDirectory, IReadOnlyList<(string Prompt, string Continuation)> pairs,
        TrainingOptions options, string outDirectory, Action<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0) throw new InputException("the training set is empty");
        if (Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any())
            throw new InputException($"{outDirectory}: already exists and is not empty (refusing to overwrite another checkpoint)");
        await using var backend = TorchSharpBackend.Load(baseDirectory);
        var tokenizer = backend.Tokenizer;
        var context = backend.Model.Config.MaxPositionEmbeddings;
        var examples = new List<TokenizedExample>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var example = ContinuationExamples.Tokenize(tokenizer, pairs[i].Prompt, pairs[i].Continuation)
                ?? throw new InputException($"example {i + 1}: '{pairs[i].Continuation}' adds no tokens to its prompt");
            if (example.Prompt.Count + example.Response.Count > context)
                throw new InputException(
                    $"example {i + 1}: {example.Prompt.Count + example.Response.Count} tokens, longer than the model's context of {context}");
            examples.Add(example);
        }
        var pad = tokenizer.PadTokenId ?? (tokenizer.EosTokenIds.Count > 0 ? tokenizer.EosTokenIds[0] : 0);
        double first = double.NaN, last = double.NaN;
        var steps = 0;
        await foreach (var p in Trainer.RunAsync(backend.Model, new SftObjective(examples, pad), options, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (steps++ == 0) first = p.Loss;
            last = p.Loss;
            progress?.Invoke(p);
        }
        backend.Model.SetTrainable(false);
        HfCheckpointWriter.Write(backend.Model, baseDirectory.Split('#')[0], outDirectory);
        return new ContinuationSftResult(examples.Count, steps, first, last, examples.Sum(e => (long)e.Response.Count));
    }
}
