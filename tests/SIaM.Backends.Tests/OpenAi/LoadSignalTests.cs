using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.OpenAi;

/// <summary>The backend reports each throttled or timed-out attempt to the caller as it happens, before retrying it.</summary>
[TestFixture]
public sealed class LoadSignalTests
{
    [TestCase(Fault.TooManyRequests, LoadSignal.Throttled)]
    [TestCase(Fault.Hang, LoadSignal.TimedOut)]
    public async Task Each_attempt_that_was_throttled_or_timed_out_is_reported_and_the_retry_still_answers(Fault fault, LoadSignal expected)
    {
        // Arrange: the first two attempts fail the same way, the third answers
        await using var server = await FaultServer.StartAsync((_, attempt) => attempt <= 2 ? fault : Fault.None);
        var options = Clients.Fast(server.BaseAddress) with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        await using var backend = Clients.Backend(options);
        var heard = new List<LoadSignal>();

        // Act
        var completions = await LoadSignals.ListenAsync(
            signal =>
            {
                lock (heard) heard.Add(signal);
            },
            () => backend.GenerateAsync([Requests.Make(3)], CancellationToken.None));

        // Assert
        Assert.That(completions[0].Status, Is.EqualTo(CompletionStatus.Ok), completions[0].Error);
        Assert.That(heard, Is.EqualTo(new[] { expected, expected }));
        Assert.That(server.TotalRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_call_hears_only_its_own_attempts_and_errors_that_are_not_load_say_nothing()
    {
        // Arrange: problem 1 is throttled once; problem 2 is a server error once (retried, but not a load signal)
        await using var server = await FaultServer.StartAsync((key, attempt) => attempt > 1 ? Fault.None
            : key.StartsWith("test/1#", StringComparison.Ordinal) ? Fault.TooManyRequests : Fault.ServerError);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress));
        var heardBy = new[] { 0, 0 };

        // Act: two calls at once, each with its own listener
        var calls = new[] { 1, 2 }.Select(problem => LoadSignals.ListenAsync(
            _ => Interlocked.Increment(ref heardBy[problem - 1]),
            () => backend.GenerateAsync([Requests.Make(problem)], CancellationToken.None)));
        var answers = await Task.WhenAll(calls);

        // Assert
        Assert.That(answers.Select(a => a[0].Status), Is.All.EqualTo(CompletionStatus.Ok));
        Assert.That(heardBy, Is.EqualTo(new[] { 1, 0 }));
        Assert.That(server.TotalRequests, Is.EqualTo(4));
    }
}
