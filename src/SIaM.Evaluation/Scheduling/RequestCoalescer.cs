using SIaM.Core.Backends;

namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// Feeds a batching backend (an in-process model) one call at a time: each call takes whatever requests are ready, up
/// to the batch limit, so a request that becomes ready while a batch decodes goes into the next one instead of waiting
/// for a fixed group to fill.
/// </summary>
public sealed class RequestCoalescer(IModelBackend backend, int maxBatch)
{
    private readonly Lock _lock = new();
    private readonly Queue<(GenerationRequest Request, TaskCompletionSource<Completion> Result)> _ready = new();
    private bool _pumping;

    /// <summary>Queues one request and completes with its completion.</summary>
    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<Completion>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _ready.Enqueue((request, result));
            start = !_pumping;
            _pumping = true;
        }
        if (start) _ = Task.Run(() => PumpAsync(cancellationToken), CancellationToken.None);
        return result.Task;
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<(GenerationRequest Request, TaskCompletionSource<Completion> Result)> batch = [];
            lock (_lock)
            {
                while (batch.Count < maxBatch && _ready.TryDequeue(out var next)) batch.Add(next);
                if (batch.Count == 0)
                {
                    _pumping = false;
                    return;
                }
            }
            try
            {
                var completions = await backend.GenerateAsync(batch.Select(b => b.Request).ToList(), cancellationToken).ConfigureAwait(false);
                if (completions.Count != batch.Count)
                    throw new InvalidOperationException($"backend {backend.Spec} returned {completions.Count} completions for {batch.Count} requests");
                for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(completions[i]);
            }
            catch (Exception e)
            {
                foreach (var (_, result) in batch)
                    if (e is OperationCanceledException canceled) result.TrySetCanceled(canceled.CancellationToken);
                    else result.TrySetException(e);
            }
        }
    }
}
