using SIaM.Backends.OpenAi;
using SIaM.Core.Backends;
using SIaM.Evaluation;
using SIaM.Evaluation.Scheduling;
using SIaM.Perf.Eval;

namespace SIaM.IntegrationTests.Perf;

/// <summary>The adaptive in-flight level hears a 429 from the <c>openai:</c> backend before the backend retries it.</summary>
public sealed class ThrottleBackOffTests
{
    [Test]
    public async Task The_level_halves_on_the_first_429_even_when_the_retries_then_answer_every_request()
    {
        // Arrange: a real server on 127.0.0.1 that decodes 4 sequences for 3 s and queues none; the adaptive level starts at 8
        // (the eight requests are all in before any is answered unless the machine stalls for 3 s between them)
        await using var server = await SimulatedServer.StartAsync(
            new SimulatedServerOptions(Capacity: 4, Queue: 0, PrefillSeconds: 3.0, TokensPerSecond: 1e9), CancellationToken.None);
        await using var backend = OpenAiBackendFactory.Create(server.ModelSpec["openai:".Length..], null);
        var scheduler = GenerationScheduler.For(backend, new EvalPerformance());
        var initial = scheduler.Gate.Limit;
        var requests = Enumerable.Range(0, 8)
            .Select(i => new GenerationRequest($"sim/{i}", 0, [ChatMessage.User($"Simulated problem {i}.")], "", GenerationConfig.Greedy));

        // Act: eight at once; four are answered 429 and retried after the server's Retry-After
        var completions = await Task.WhenAll(requests.Select(r => scheduler.GenerateAsync(r, CancellationToken.None)));

        // Assert: every request was answered (the retries hid the 429s from the completions), and the level halved once;
        // reading the 429s from failed completions only, it would have seen none and doubled on this window of eight
        Assert.That(completions.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Ok));
        Assert.That(server.Model.Requests, Is.EqualTo(8));
        Assert.That(initial, Is.EqualTo(8));
        Assert.That(scheduler.Gate.Limit, Is.EqualTo(4));
        Assert.That(scheduler.Snapshot(0).RequestTimeouts, Is.Zero, "a request that was answered in the end is not a time-out");
    }
}
