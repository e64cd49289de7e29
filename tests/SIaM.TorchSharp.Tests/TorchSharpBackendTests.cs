using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Tests.Support;

namespace SIaM.TorchSharp.Tests;

public sealed class TorchSharpBackendTests
{
    private static TorchSharpBackend _backend = null!;

    [OneTimeSetUp]
    public static void Load() => _backend = TorchSharpBackend.Load(Fixtures.TinyLlama);

    [OneTimeTearDown]
    public static async Task DisposeBackend() => await _backend.DisposeAsync();

    private static GenerationRequest Request(string question, GenerationConfig config, int sample = 0) =>
        new($"test/{question.Length}", sample, [ChatMessage.User(question)], "", config);

    [Test]
    public async Task Greedy_completion_is_the_decoded_greedy_continuation_of_the_chat_prompt()
    {
        // Arrange
        var request = Request("What is 2+3?", GenerationConfig.Greedy with { MaxNewTokens = 8 });
        var prompt = _backend.Tokenizer.Encode(_backend.Tokenizer.ChatTemplate.Render(request.Messages, true), addSpecialTokens: false);
        var expected = new BatchGenerator(_backend.Model).Generate([prompt], new GenerationOptions(8)).Single();

        // Act
        var completion = (await _backend.GenerateAsync([request], CancellationToken.None)).Single();

        // Assert
        Assert.That(prompt[0], Is.EqualTo(1), "the Llama-2 template starts with <s>");
        Assert.That(completion.Status, Is.EqualTo(CompletionStatus.Ok));
        Assert.That(completion.Text, Is.EqualTo(_backend.Tokenizer.Decode(expected.Tokens)));
        Assert.That(completion.PromptTokens, Is.EqualTo(prompt.Count));
        Assert.That(completion.CompletionTokens, Is.EqualTo(8));
        Assert.That(completion.FinishReason, Is.EqualTo("length"));
    }

    [Test]
    public async Task A_batch_returns_the_same_completions_in_request_order_as_single_calls()
    {
        // Arrange
        var config = GenerationConfig.Greedy with { MaxNewTokens = 6 };
        GenerationRequest[] requests = [Request("One", config), Request("A longer question here", config), Request("Mid length q", config)];
        var single = new List<string>();
        foreach (var r in requests) single.Add((await _backend.GenerateAsync([r], CancellationToken.None)).Single().Text);

        // Act
        var batched = await _backend.GenerateAsync(requests, CancellationToken.None);

        // Assert
        Assert.That(batched.Select(c => c.Text), Is.EqualTo(single));
    }

    [Test]
    public async Task Stop_sequences_cut_the_text_before_the_first_stop()
    {
        // Arrange: find the greedy text, then stop on a piece of it
        var request = Request("Hello", GenerationConfig.Greedy with { MaxNewTokens = 12 });
        var full = (await _backend.GenerateAsync([request], CancellationToken.None)).Single().Text;
        var stop = full.Substring(full.Length / 2, 2);
        var expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];

        // Act
        var stopped = (await _backend.GenerateAsync([request with { Config = request.Config with { Stop = [stop] } }], CancellationToken.None)).Single();

        // Assert
        Assert.That(stopped.Text, Is.EqualTo(expected));
        Assert.That(stopped.FinishReason, Is.EqualTo("stop"));
        Assert.That(stopped.CompletionTokens, Is.LessThan(12));
    }

    [Test]
    public async Task Sampled_completions_depend_on_seed_and_sample_index_but_not_on_the_batch()
    {
        // Arrange
        var config = new GenerationConfig(Temperature: 1.0, MaxNewTokens: 10, Seed: 42);
        GenerationRequest[] samples = [Request("Pick", config, 0), Request("Pick", config, 1)];

        // Act
        var together = await _backend.GenerateAsync(samples, CancellationToken.None);
        var alone = (await _backend.GenerateAsync([samples[1]], CancellationToken.None)).Single();

        // Assert
        Assert.That(together[0].Text, Is.Not.EqualTo(together[1].Text));
        Assert.That(alone.Text, Is.EqualTo(together[1].Text));
    }

    [Test]
    public async Task Sampled_streams_differ_by_problem_and_run_seed_and_ignore_the_rest_of_the_batch()
    {
        // Arrange: the same prompt as two different problems, and as the first problem under another run seed
        var config = new GenerationConfig(Temperature: 1.0, MaxNewTokens: 12, Seed: 7);
        var first = Request("Pick", config) with { ProblemId = "a/0" };
        var second = first with { ProblemId = "b/0" };
        var reseeded = first with { Config = config with { Seed = 8 } };

        // Act: one mixed batch, then each request alone
        var batch = await _backend.GenerateAsync([second, Request("Another prompt", config, 3), first, reseeded], CancellationToken.None);
        var alone = new List<string>();
        foreach (var request in new[] { first, second, reseeded })
            alone.Add((await _backend.GenerateAsync([request], CancellationToken.None)).Single().Text);

        // Assert
        Assert.That(batch[2].Text, Is.Not.EqualTo(batch[0].Text), "problems a/0 and b/0 draw from different streams");
        Assert.That(batch[2].Text, Is.Not.EqualTo(batch[3].Text), "run seeds 7 and 8 draw from different streams");
        Assert.That(alone, Is.EqualTo(new[] { batch[2].Text, batch[0].Text, batch[3].Text }), "batch composition changes nothing");
    }

    [Test]
    public void Cancellation_is_honoured()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Act + Assert
        Assert.That(async () => await _backend.GenerateAsync([Request("x", GenerationConfig.Greedy)], cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase("missing-dir", "no such directory")]
    [TestCase("DIR#colour=red", "unknown option 'colour'")]
    [TestCase("DIR#device=tpu", "unknown device 'tpu'")]
    public void Bad_specs_fail_with_a_clear_message(string argument, string expected)
    {
        // Arrange
        var spec = argument.Replace("DIR", Fixtures.TinyLlama, StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<InputException>(() => TorchSharpBackend.Load(spec))!;

        // Assert
        Assert.That(error.Message, Does.Contain(expected));
    }
}
