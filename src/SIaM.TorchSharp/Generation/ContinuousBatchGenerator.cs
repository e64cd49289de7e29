using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Generation;

/// <summary>
/// Continuous batching: one decode loop on its own thread runs a <see cref="DecodeBatch"/> of up to
/// <paramref name="maxRows"/> sequences. Between steps it drops cancelled sequences and admits waiting requests into the
/// rows that finished ones freed, in arrival order; each request's task completes as soon as its sequence finishes.
/// An exception in a step fails the sequences in the batch (waiting requests stay queued) and the loop goes on with an
/// empty batch. The loop stops while nothing is queued or decoding and starts again with the next request. When
/// <paramref name="modelLock"/> is given, the loop holds it for each step, so other users of the model take turns with it.
/// </summary>
public sealed class ContinuousBatchGenerator(CausalLm lm, int maxRows, SemaphoreSlim? modelLock = null) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<Waiting> _queue = new();
    private readonly int _maxRows = maxRows > 0 ? maxRows : throw new ArgumentOutOfRangeException(nameof(maxRows), "at least one row");
    private Task _loop = Task.CompletedTask;
    private bool _running;
    private bool _disposed;
    private long _nextId;

    /// <summary>Queues one sequence; the task completes when it finishes (cancelled when the token is).</summary>
    public Task<GeneratedSequence> GenerateAsync(SequenceRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Prompt.Count == 0) throw new ArgumentException("every prompt needs at least one token");
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<GeneratedSequence>(cancellationToken);
        var waiting = new Waiting(request, cancellationToken);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            waiting.Id = _nextId++;
            _queue.Enqueue(waiting);
            if (!_running)
            {
                _running = true;
                // The previous loop may still be returning; disposal waits for both.
                var loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                _loop = _loop.IsCompleted ? loop : Task.WhenAll(_loop, loop);
            }
        }
        return waiting.Result.Task;
    }

    /// <summary>Fails the queued requests, lets the loop fail the decoding ones, and waits for it to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_queue.TryDequeue(out var left)) left.Fail(new ObjectDisposedException(nameof(ContinuousBatchGenerator)));
        }
        await _loop.ConfigureAwait(false);
    }

    private void Run()
    {
        var decoding = new Dictionary<long, Waiting>();
        try
        {
            using var noGrad = no_grad();
            using var batch = new DecodeBatch(lm);
            while (true)
            {
                // Cancelled sequences leave first, so their rows go to the requests taken next.
                var cancelled = decoding.Values.Where(w => w.Result.Task.IsCompleted).Select(w => w.Id).ToHashSet();
                batch.Remove(cancelled);
                foreach (var id in cancelled) decoding.Remove(id);
                if (TakeJoining(decoding) is not { } joining) return;
                Advance(batch, decoding, joining);
            }
        }
        catch (Exception e)
        {
            // Only a failure outside a step lands here (the loop could not start): nothing would serve the queue.
            lock (_lock)
            {
                foreach (var w in decoding.Values.Concat(_queue)) w.Fail(e);
                _queue.Clear();
                _running = false;
            }
        }
    }

    // The requests to admit now, up to the free rows, or null when the loop should stop (nothing left, or disposed).
    private List<Waiting>? TakeJoining(Dictionary<long, Waiting> decoding)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                foreach (var left in decoding.Values) left.Fail(new ObjectDisposedException(nameof(ContinuousBatchGenerator)));
                _running = false;
                return null;
            }
            var joining = new List<Waiting>();
            while (decoding.Count + joining.Count < _maxRows && _queue.TryDequeue(out var next))
                if (!next.Result.Task.IsCompleted) joining.Add(next);
            if (decoding.Count + joining.Count > 0) return joining;
            _running = false;
            return null;
        }
    }

    // Admits the joining requests and decodes one step; an exception fails every sequence in the batch and empties it.
    private void Advance(DecodeBatch batch, Dictionary<long, Waiting> decoding, List<Waiting> joining)
    {
        modelLock?.Wait();
        try
        {
            foreach (var w in joining) decoding[w.Id] = w;
            var finished = joining.Count > 0 ? batch.Admit(joining.Select(w => (w.Id, w.Request)).ToList()).ToList() : [];
            if (batch.Count > 0) finished.AddRange(batch.Step());
            foreach (var done in finished)
            {
                decoding.Remove(done.Id, out var owner);
                owner?.Complete(done.Sequence);
            }
        }
        catch (Exception e)
        {
            foreach (var w in decoding.Values) w.Fail(e);
            decoding.Clear();
            batch.Clear();
        }
        finally
        {
            modelLock?.Release();
        }
    }

    private sealed class Waiting
    {
        private readonly CancellationTokenRegistration _registration;

        public Waiting(SequenceRequest request, CancellationToken cancellationToken)
        {
            Request = request;
            _registration = cancellationToken.Register(() => Result.TrySetCanceled(cancellationToken));
        }

        public long Id { get; set; }

        public SequenceRequest Request { get; }

        public TaskCompletionSource<GeneratedSequence> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(GeneratedSequence sequence)
        {
            Result.TrySetResult(sequence);
            _registration.Dispose();
        }

        public void Fail(Exception error)
        {
            Result.TrySetException(error);
            _registration.Dispose();
        }
    }
}
