using System.Collections.Concurrent;
using SIaM.Core.Backends;
using SIaM.Evaluation.Scheduling;

namespace SIaM.Tests.Evaluation.Scheduling;

public sealed class RequestCoalescerTests
{
    private static GenerationRequest Request(int i) => new($"toy/{i}", 0, [], "", GenerationConfig.Greedy);

    [Test]
    public async Task Requests_that_become_ready_during_a_batch_go_into_the_next_calls_up_to_the_limit()
    {
        // Arrange: the first call holds until released; five more requests arrive meanwhile; at most three a call
        var backend = new HeldBackend();
        var coalescer = new RequestCoalescer(backend, maxBatch: 3);
        var first = coalescer.GenerateAsync(Request(0), CancellationToken.None);
        await backend.FirstCallStarted.Task;
        var later = Enumerable.Range(1, 5).Select(i => coalescer.GenerateAsync(Request(i), CancellationToken.None)).ToList();

        // Act
        backend.Release.TrySetResult();
        var answers = await Task.WhenAll(later.Prepend(first));

        // Assert
        Assert.That(backend.Calls.Select(c => c.Length), Is.EqualTo(new[] { 1, 3, 2 }));
        Assert.That(answers.Select(a => a.Text), Is.EqualTo(Enumerable.Range(0, 6).Select(i => $"toy/{i}")));
    }

    private sealed class HeldBackend : IModelBackend
    {
        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string[]> Calls { get; } = new();

        public string Spec => "held:";

        public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
        {
            Calls.Enqueue([.. requests.Select(r => r.ProblemId)]);
            FirstCallStarted.TrySetResult();
            await Release.Task;
            return requests.Select(r => new Completion(r.ProblemId)).ToList();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
