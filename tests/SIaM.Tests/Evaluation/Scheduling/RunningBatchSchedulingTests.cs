using System.Collections.Concurrent;
using SIaM.Core.Backends;
using SIaM.Evaluation;
using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class RunningBatchSchedulingTests
{
    private static GenerationRequest Request(int i) => new($"toy/{i}", 0, [], "", GenerationConfig.Greedy);

    [Test]
    public async Task A_backend_that_joins_its_running_batch_gets_each_ready_request_while_earlier_ones_still_decode()
    {
        // Arrange: every call holds until four calls are in at once (a coalescing scheduler would send the last three
        // only after the first call returned, so they would never be in at once)
        var backend = new JoiningBackend(holdUntil: 4);
        var scheduler = GenerationScheduler.For(backend, new EvalPerformance());

        // Act
        var answers = Task.WhenAll(Enumerable.Range(0, 4).Select(i => scheduler.GenerateAsync(Request(i), CancellationToken.None)));
        var completions = await answers.WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.That(backend.Calls.Select(c => c.Length), Is.EqualTo(new[] { 1, 1, 1, 1 }));
        Assert.That(completions.Select(c => c.Text), Is.EqualTo(Enumerable.Range(0, 4).Select(i => $"toy/{i}")));
        Assert.That(scheduler.Gate.Limit, Is.EqualTo(2 * backend.MaxBatchSize), "one batch decoding, one waiting for rows");
    }

    private sealed class JoiningBackend(int holdUntil) : IModelBackend, IBatchingBackend
    {
        private readonly TaskCompletionSource _allIn = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string[]> Calls { get; } = new();

        public string Spec => "joining:";

        public int MaxBatchSize => 4;

        public bool JoinsRunningBatch => true;

        public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
        {
            Calls.Enqueue([.. requests.Select(r => r.ProblemId)]);
            if (Calls.Count >= holdUntil) _allIn.TrySetResult();
            await _allIn.Task;
            return requests.Select(r => new Completion(r.ProblemId)).ToList();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
