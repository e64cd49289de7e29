using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;

namespace SIaM.TorchSharp.Tests.Generation;

public sealed class ContinuousBatchGeneratorTests
{
    private static CausalLm _lm = null!;

    [OneTimeSetUp]
    public static void LoadModel() => _lm = CausalLm.FromPretrained(Fixtures.TinyLlama);

    [OneTimeTearDown]
    public static void DisposeModel() => _lm.Dispose();

    [Test]
    public async Task A_short_request_submitted_while_a_long_one_decodes_completes_before_the_long_one_finishes()
    {
        // Arrange: the long sequence submits the short one after its first token and notes, token by token, when the
        // short one's task has completed (its callback runs on the decode loop, between steps)
        var cases = ReferenceOutputs.Derived();
        await using var generator = new ContinuousBatchGenerator(_lm, maxRows: 4);
        Task<GeneratedSequence>? shortTask = null;
        int? longTokensWhenShortCompleted = null;
        bool Watch(IReadOnlyList<int> tokens)
        {
            if (tokens.Count == 1) shortTask = generator.GenerateAsync(new SequenceRequest(cases[1].Prompt, 3));
            else if (shortTask!.IsCompleted) longTokensWhenShortCompleted ??= tokens.Count;
            return false;
        }

        // Act
        var longSequence = await generator.GenerateAsync(new SequenceRequest(cases[0].Prompt, 40, ShouldStop: Watch));
        var shortSequence = await shortTask!;

        // Assert
        Assert.That(longTokensWhenShortCompleted, Is.Not.Null.And.LessThan(40), "the short request completed while the long one decoded");
        Assert.That(shortSequence.Tokens, Is.EqualTo(cases[1].Greedy10.Take(3)));
        Assert.That(longSequence.Tokens.Take(10), Is.EqualTo(cases[0].Greedy10));
        Assert.That(longSequence.Tokens, Has.Count.EqualTo(40));
    }

    [Test]
    public async Task A_cancelled_request_frees_its_row_for_the_next_one()
    {
        // Arrange: one row; the first sequence cancels itself at its third token while a second request waits for the row
        var cases = ReferenceOutputs.Derived();
        await using var generator = new ContinuousBatchGenerator(_lm, maxRows: 1);
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        bool CancelAtThird(IReadOnlyList<int> tokens)
        {
            calls++;
            if (tokens.Count == 3) cancel.Cancel();
            return false;
        }

        // Act
        var first = generator.GenerateAsync(new SequenceRequest(cases[0].Prompt, 1000, ShouldStop: CancelAtThird), cancel.Token);
        var second = generator.GenerateAsync(new SequenceRequest(cases[2].Prompt, 10));
        var secondSequence = await second;

        // Assert
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(calls, Is.EqualTo(3), "the cancelled sequence decoded no further token");
        Assert.That(secondSequence.Tokens, Is.EqualTo(cases[2].Greedy10));
    }

    [Test]
    public async Task An_error_in_the_batch_fails_the_requests_in_flight_and_the_next_request_succeeds()
    {
        // Arrange: a request with a token id outside the vocabulary joins while another decodes; its prefill throws
        var cases = ReferenceOutputs.Derived();
        await using var generator = new ContinuousBatchGenerator(_lm, maxRows: 4);
        Task<GeneratedSequence>? bad = null;
        bool JoinBad(IReadOnlyList<int> tokens)
        {
            if (tokens.Count == 2) bad = generator.GenerateAsync(new SequenceRequest([1, _lm.Config.VocabSize + 5], 4));
            return false;
        }

        // Act
        var running = generator.GenerateAsync(new SequenceRequest(cases[0].Prompt, 1000, ShouldStop: JoinBad));
        var runningError = await Failure(running);
        var badError = await Failure(bad!);
        var after = await generator.GenerateAsync(new SequenceRequest(cases[3].Prompt, 10));

        // Assert
        Assert.That(runningError, Is.Not.Null.And.Not.InstanceOf<OperationCanceledException>());
        Assert.That(badError, Is.SameAs(runningError));
        Assert.That(after.Tokens, Is.EqualTo(cases[3].Greedy10));
    }

    private static async Task<Exception?> Failure(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
