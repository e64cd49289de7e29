namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// The one in-flight budget of a run: at most <see cref="Limit"/> model requests in flight, the rest wait in arrival
/// order. New samples are admitted only while the demand (requests in flight plus waiting) is below the limit, so a sample
/// that comes back from the sandbox for another round goes ahead of samples not yet started. The limit may change at any
/// time (the adaptive controller moves it).
/// </summary>
public sealed class InFlightGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private readonly List<TaskCompletionSource> _admissions = [];
    private int _limit;
    private int _inFlight;
    private bool _wasFull;

    /// <param name="limit">Requests in flight at most (≥ 1).</param>
    public InFlightGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Requests in flight at most.</summary>
    public int Limit
    {
        get { lock (_lock) return _limit; }
    }

    /// <summary>Requests in flight now.</summary>
    public int InFlight
    {
        get { lock (_lock) return _inFlight; }
    }

    /// <summary>Sets the limit; waiting requests start at once when it grows.</summary>
    public void SetLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_lock) _limit = limit;
        Grant();
    }

    /// <summary>Whether every slot was taken at some moment since the last call (the limit, not the work, was the bound).</summary>
    public bool TakeWasFull()
    {
        lock (_lock)
        {
            var full = _wasFull || _inFlight >= _limit;
            _wasFull = false;
            return full;
        }
    }

    /// <summary>Completes when a new sample may start: the demand is below the limit.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_inFlight + _waiting.Count < _limit) return Task.CompletedTask;
            var admission = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _admissions.Add(admission);
            return admission.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Takes a slot, waiting in arrival order when all are taken. Release it with <see cref="Release"/>.</summary>
    public Task AcquireAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0 && _inFlight < _limit)
            {
                _inFlight++;
                _wasFull |= _inFlight >= _limit;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
            _wasFull = true;
            return WaitOrGiveBackAsync(waiter, cancellationToken);
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release()
    {
        lock (_lock) _inFlight--;
        Grant();
    }

    private async Task WaitOrGiveBackAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the slot may have been granted between the cancellation and now: hand it on
            if (!waiter.TrySetCanceled() && waiter.Task.IsCompletedSuccessfully) Release();
            throw;
        }
    }

    // Slots go to waiting requests first; admissions open only when none wait and the demand is below the limit.
    private void Grant()
    {
        var granted = new List<TaskCompletionSource>();
        var admitted = new List<TaskCompletionSource>();
        lock (_lock)
        {
            while (_inFlight < _limit && _waiting.TryDequeue(out var waiter))
            {
                if (waiter.Task.IsCompleted) continue; // cancelled while waiting
                _inFlight++;
                granted.Add(waiter);
            }
            if (_inFlight + _waiting.Count < _limit && _admissions.Count > 0)
            {
                admitted.AddRange(_admissions);
                _admissions.Clear();
            }
        }
        foreach (var waiter in granted)
            if (!waiter.TrySetResult()) Release(); // cancelled between the grant and now
        foreach (var admission in admitted) admission.TrySetResult();
    }
}
