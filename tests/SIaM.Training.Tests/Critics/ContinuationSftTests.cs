using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Testing;
using SIaM.TorchSharp;
using SIaM.Training.Critics;
using SIaM.Training.Trainers;

namespace SIaM.Training.Tests.Critics;

public sealed class ContinuationSftTests
{
    private static readonly string[] Candidates = [" YES", " NO"];

    private static async Task<double[]> PYesAsync(string checkpoint, IEnumerable<string> prompts)
    {
        await using var backend = TorchSharpBackend.Load(checkpoint);
        var results = await backend.ScoreAsync(prompts.Select((p, i) => new ScoringRequest($"p{i}", [], p, Candidates)).ToArray(), CancellationToken.None);
        return results.Select(r => r.Renormalised(0)!.Value).ToArray();
    }

    [Test]
    public async Task Fine_tuning_on_yes_no_answers_moves_the_scored_probabilities_toward_the_labels_and_writes_a_loadable_checkpoint()
    {
        // Arrange: prompts ending in "same" are answered YES, prompts ending in "different" NO (the last word decides)
        using var temp = new TempDirectory();
        var pairs = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            ($"case {i}: the outputs are the same", " YES"),
            ($"case {i}: the outputs are different", " NO"),
        }).ToList();
        var before = await PYesAsync(SharedFixtures.TinyLlama, pairs.Select(p => p.Item1));

        // Act
        var result = await ContinuationSft.TrainAsync(
            SharedFixtures.TinyLlama,
            pairs,
            new TrainingOptions(40, BatchSize: 8, LearningRate: 1e-2, WarmupSteps: 3),
            temp.File("critic"),
            null,
            CancellationToken.None);
        var after = await PYesAsync(temp.File("critic"), pairs.Select(p => p.Item1));

        // Assert
        Assert.That(result.LastLoss, Is.LessThan(result.FirstLoss - 1));
        var tokenizer = SIaM.Tokenization.HfTokenizer.Load(SharedFixtures.TinyLlama);
        Assert.That((result.Examples, result.Steps), Is.EqualTo((16, 40)));
        Assert.That(result.ResponseTokens, Is.EqualTo(pairs.Sum(p => (long)ContinuationExamples.Tokenize(tokenizer, p.Item1, p.Item2)!.Response.Count)));
        var margin = Enumerable.Range(0, pairs.Count).Select(i => (pairs[i].Item2 == " YES" ? 1 : -1) * (after[i] - before[i])).ToArray();
        Assert.That(margin, Is.All.GreaterThan(0));
        Assert.That(after.Where((_, i) => i % 2 == 0), Is.All.GreaterThan(0.5));
        Assert.That(after.Where((_, i) => i % 2 == 1), Is.All.LessThan(0.5));
        Assert.That(File.Exists(temp.File("critic/tokenizer.json")), Is.True);
    }

    [Test]
    public async Task Refuses_an_empty_training_set_and_an_occupied_output_directory_before_loading_the_model()
    {
        // Arrange
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("taken"));
        File.WriteAllText(temp.File("taken/config.json"), "{}");
        var options = new TrainingOptions(1);

        // Act
        var empty = await Assert.ThrowsAsync<InputException>(() =>
            ContinuationSft.TrainAsync(SharedFixtures.TinyLlama, [], options, temp.File("out"), null, CancellationToken.None));
        var taken = await Assert.ThrowsAsync<InputException>(() =>
            ContinuationSft.TrainAsync(SharedFixtures.TinyLlama, [("p Answer:", " YES")], options, temp.File("taken"), null, CancellationToken.None));

        // Assert
        Assert.That(empty!.Message, Is.EqualTo("the training set is empty"));
        Assert.That(taken!.Message, Does.Contain("already exists and is not empty"));
        Assert.That(Directory.Exists(temp.File("out")), Is.False);
    }
}
