using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;

namespace SIaM.TorchSharp.Tests.Generation;

public sealed class BatchGeneratorTests
{
    private static CausalLm _lm = null!;

    [OneTimeSetUp]
    public static void LoadModel() => _lm = CausalLm.FromPretrained(Fixtures.TinyLlama);

    [OneTimeTearDown]
    public static void DisposeModel() => _lm.Dispose();

    private static IReadOnlyList<IReadOnlyList<int>> Prompts() =>
        ReferenceOutputs.Derived().Select(c => (IReadOnlyList<int>)c.Prompt).ToList();

    [Test]
    public void Cached_and_uncached_generation_give_identical_tokens()
    {
        // Arrange
        var generator = new BatchGenerator(_lm);

        // Act
        var cached = Prompts().Select(p => generator.Generate([p], new GenerationOptions(12)).Single().Tokens).ToList();
        var uncached = Prompts().Select(p => generator.Generate([p], new GenerationOptions(12, UseCache: false)).Single().Tokens).ToList();

        // Assert
        Assert.That(cached, Is.EqualTo(uncached));
    }

    [Test]
    public void Batched_left_padded_generation_equals_one_prompt_at_a_time()
    {
        // Arrange: prompts of lengths 4, 4, 3 and 1, so two of them are padded
        var generator = new BatchGenerator(_lm);
        var prompts = Prompts();
        var one = prompts.Select(p => generator.Generate([p], new GenerationOptions(10)).Single().Tokens).ToList();

        // Act
        var batched = generator.Generate(prompts, new GenerationOptions(10)).Select(s => s.Tokens).ToList();
        var batchedUncached = generator.Generate(prompts, new GenerationOptions(10, UseCache: false)).Select(s => s.Tokens).ToList();

        // Assert
        Assert.That(batched, Is.EqualTo(one));
        Assert.That(batchedUncached, Is.EqualTo(one));
        Assert.That(one, Is.EqualTo(ReferenceOutputs.Derived().Select(c => c.Greedy10).ToList()));
    }

    [Test]
    public void Eos_token_ends_a_sequence_without_being_returned()
    {
        // Arrange: the third greedy token of prompt p0 is 4666
        var generator = new BatchGenerator(_lm);

        // Act
        var result = generator.Generate([[0, 0, 0, 52]], new GenerationOptions(10, EosTokenIds: [4666])).Single();

        // Assert
        Assert.That(result.Tokens, Is.EqualTo(new[] { 12102, 30463 }));
        Assert.That(result.FinishReason, Is.EqualTo("stop"));
    }

    [Test]
    public void Sampling_with_a_seed_is_reproducible_and_differs_across_seeds()
    {
        // Arrange
        var generator = new BatchGenerator(_lm);
        var sampling = new SamplingOptions(Temperature: 1.0, TopP: 0.95, TopK: 50);
        GenerationOptions Options(ulong seed) => new(16, sampling, Seeds: [seed]);

        // Act
        var a = generator.Generate([[1, 15043, 3186]], Options(7)).Single().Tokens;
        var b = generator.Generate([[1, 15043, 3186]], Options(7)).Single().Tokens;
        var c = generator.Generate([[1, 15043, 3186]], Options(8)).Single().Tokens;

        // Assert
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.Not.EqualTo(c));
    }

    [Test]
    public void Top_k_of_one_samples_the_greedy_tokens()
    {
        // Arrange
        var generator = new BatchGenerator(_lm);

        // Act
        var sampled = generator.Generate([[0, 0, 195, 731]], new GenerationOptions(6, new SamplingOptions(0.7, 1, 1), [3])).Single();

        // Assert
        Assert.That(sampled.Tokens, Is.EqualTo(new[] { 29592, 4877, 18112, 22607, 12936, 997 }));
    }

    [Test]
    public void A_stop_condition_ends_only_its_own_sequence()
    {
        // Arrange
        var generator = new BatchGenerator(_lm);
        var options = new GenerationOptions(6, ShouldStop: (row, tokens) => row == 0 && tokens.Count == 2);

        // Act
        var results = generator.Generate([[0, 0, 0, 52], [0, 0, 195, 731]], options);

        // Assert
        Assert.That(results[0].Tokens, Is.EqualTo(new[] { 12102, 30463 }));
        Assert.That(results[0].FinishReason, Is.EqualTo("stop"));
        Assert.That(results[1].Tokens, Has.Count.EqualTo(6));
        Assert.That(results[1].FinishReason, Is.EqualTo("length"));
    }
}
