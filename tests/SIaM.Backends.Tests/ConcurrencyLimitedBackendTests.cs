using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests;

[TestFixture]
public sealed class ConcurrencyLimitedBackendTests
{
    [Test]
    public async Task At_most_the_limit_runs_at_once_across_callers_and_order_is_kept()
    {
        // Arrange
        var model = new GaugeBackend();
        await using var limited = new ConcurrencyLimitedBackend(model, maxConcurrency: 3);
        var batches = Enumerable.Range(0, 4).Select(b => Enumerable.Range(0, 10).Select(i => Requests.Make(b * 10 + i)).ToArray()).ToArray();

        // Act
        var results = await Task.WhenAll(batches.Select(batch => limited.GenerateAsync(batch, CancellationToken.None)));

        // Assert
        Assert.That(model.MaxInFlight, Is.EqualTo(3));
        for (var b = 0; b < 4; b++)
            Assert.That(results[b].Select(c => c.Text), Is.EqualTo(batches[b].Select(r => r.ProblemId)));
    }

    [Test]
    public async Task A_failing_request_fails_its_batch_with_its_own_exception()
    {
        // Arrange
        await using var limited = new ConcurrencyLimitedBackend(new GaugeBackend(failOn: "test/4"), maxConcurrency: 2);

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => limited.GenerateAsync(Requests.Many(10), CancellationToken.None));

        // Assert
        Assert.That(failure!.Message, Is.EqualTo("boom on test/4"));
    }

    private sealed class GaugeBackend(string? failOn = null) : IModelBackend
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => _max;

        public string Spec => "gauge:";

        public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (this) _max = Math.Max(_max, now);
            try
            {
                await Task.Delay(20, cancellationToken);
                if (requests.Any(r => r.ProblemId == failOn)) throw new InvalidOperationException($"boom on {failOn}");
                return requests.Select(r => new Completion(r.ProblemId)).ToArray();
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
