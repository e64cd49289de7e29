using System.Threading.Channels;
using SIaM.Core.Backends;

namespace SIaM.Backends.Server;

/// <summary>
/// Gathers requests that arrive separately (one per HTTP call) into batches for the backend, so that one in-process
/// model serves several clients with batched generation. A request whose client went away before its batch started
/// is dropped.
/// </summary>
internal sealed class RequestBatcher : IAsyncDisposable
{
    private sealed record Pending(GenerationRequest Request, TaskCompletionSource<Completion> Result, CancellationToken Aborted);

    private readonly IModelBackend _backend;
    private readonly OpenAiServerOptions _options;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;

    public RequestBatcher(IModelBackend backend, OpenAiServerOptions options)
    {
        _backend = backend;
        _options = options;
        _loops = Enumerable.Range(0, Math.Max(1, options.MaxConcurrentBatches)).Select(_ => Task.Run(LoopAsync)).ToArray();
    }

    private BatchStatistics _statistics = BatchStatistics.None;

    /// <summary>The backend as a token scorer, when it is one (for <c>echo</c> requests, which bypass batching).</summary>
    public ICandidateScorer? Scorer => _backend as ICandidateScorer;

    /// <summary>The batches passed to the backend so far.</summary>
    public BatchStatistics Statistics => Volatile.Read(ref _statistics);

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken aborted)
    {
        var pending = new Pending(request, new TaskCompletionSource<Completion>(TaskCreationOptions.RunContinuationsAsynchronously), aborted);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(RequestBatcher));
        return pending.Result.Task.WaitAsync(aborted);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                batch = [];
                Drain(reader, batch);
                if (batch.Count < _options.MaxBatchSize && _options.EffectiveBatchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(_options.EffectiveBatchWindow, _stop.Token).ConfigureAwait(false);
                    Drain(reader, batch);
                }
                foreach (var gone in batch.Where(p => p.Aborted.IsCancellationRequested)) gone.Result.TrySetCanceled(gone.Aborted);
                batch.RemoveAll(p => p.Aborted.IsCancellationRequested);
                if (batch.Count > 0) await RunAsync(batch).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            foreach (var pending in batch) pending.Result.TrySetCanceled();
        }
    }

    private void Drain(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending)) batch.Add(pending);
    }

    private async Task RunAsync(List<Pending> batch)
    {
        BatchStatistics seen;
        do seen = Volatile.Read(ref _statistics);
        while (Interlocked.CompareExchange(ref _statistics, seen.Add(batch.Count), seen) != seen);
        try
        {
            var completions = await _backend.GenerateAsync(batch.Select(p => p.Request).ToArray(), _stop.Token).ConfigureAwait(false);
            if (completions.Count != batch.Count)
                throw new InvalidOperationException($"{_backend.Spec} returned {completions.Count} completions for {batch.Count} requests");
            for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(completions[i]);
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Result.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        while (_queue.Reader.TryRead(out var left)) left.Result.TrySetCanceled();
        _stop.Dispose();
    }
}
