using SIaM.Core.Backends;

namespace SIaM.Backends;

/// <summary>
/// Bounds how many requests are in flight in the inner backend at once, across all concurrent callers: a batch is
/// split into single requests that each wait for a slot. Meant for per-request backends (HTTP); results keep request
/// order.
/// </summary>
public sealed class ConcurrencyLimitedBackend : IModelBackend
{
    private readonly IModelBackend _inner;
    private readonly SemaphoreSlim _slots;

    /// <param name="inner">The backend to protect; disposed with this one.</param>
    /// <param name="maxConcurrency">Requests in flight at most (≥ 1).</param>
    public ConcurrencyLimitedBackend(IModelBackend inner, int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _inner = inner;
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>Requests in flight at most.</summary>
    public int MaxConcurrency { get; }

    /// <inheritdoc />
    public string Spec => _inner.Spec;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = requests.Select(request => RunAsync(request, batch)).ToArray();
        return await BatchTasks.WhenAllAsync(tasks).ConfigureAwait(false);
    }

    private async Task<Completion> RunAsync(GenerationRequest request, CancellationTokenSource batch)
    {
        await _slots.WaitAsync(batch.Token).ConfigureAwait(false);
        try
        {
            var completions = await _inner.GenerateAsync([request], batch.Token).ConfigureAwait(false);
            return completions.Count == 1
                ? completions[0]
                : throw new InvalidOperationException($"{_inner.Spec} returned {completions.Count} completions for 1 request");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await batch.CancelAsync().ConfigureAwait(false); // the batch has failed: stop queueing its other requests
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _slots.Dispose();
    }
}
