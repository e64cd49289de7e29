using System.Diagnostics;
using SIaM.Core.Backends;

namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// Sends each sample's model requests as they become ready, under the run's one in-flight budget
/// (<see cref="InFlightGate"/>). Per-request backends (HTTP) get one call per request; a batching backend
/// (<see cref="IBatchingBackend"/>) gets calls of whatever is ready (<see cref="RequestCoalescer"/>). With an adaptive
/// level, every finished request is shown to the <see cref="InFlightController"/>, which moves the gate's limit, and so is
/// every attempt the backend reports throttled or timed out (<see cref="LoadSignals"/>), as it happens.
/// </summary>
public sealed class GenerationScheduler
{
    private const int LatencyMemory = 64;
    private readonly IModelBackend _backend;
    private readonly RequestCoalescer? _coalescer;
    private readonly InFlightController? _controller;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Queue<double> _recentLatencies = new();
    private int _requestTimeouts;

    private GenerationScheduler(IModelBackend backend, RequestCoalescer? coalescer, InFlightController? controller, int fixedLevel)
    {
        _backend = backend;
        _coalescer = coalescer;
        _controller = controller;
        Gate = new InFlightGate(controller?.Level ?? fixedLevel);
    }

    /// <summary>The in-flight budget that requests and new samples wait on.</summary>
    public InFlightGate Gate { get; }

    /// <summary>
    /// The scheduler for <paramref name="backend"/>: a batching backend keeps two batches' worth in flight (one decoding,
    /// one gathering; sent one by one to a backend that joins its running batch) unless
    /// <see cref="EvalPerformance.MaxInFlight"/> fixes the level; any other backend adapts between
    /// 1 and <see cref="EvalPerformance.InFlightCeiling"/> unless fixed.
    /// </summary>
    public static GenerationScheduler For(IModelBackend backend, EvalPerformance performance)
    {
        if (backend is IBatchingBackend batching)
        {
            var coalescer = batching.JoinsRunningBatch ? null : new RequestCoalescer(backend, batching.MaxBatchSize);
            return new GenerationScheduler(backend, coalescer, null, performance.MaxInFlight ?? 2 * batching.MaxBatchSize);
        }
        if (performance.MaxInFlight is { } level) return new GenerationScheduler(backend, null, null, level);
        var controller = new InFlightController(performance.InitialInFlight, 1, performance.InFlightCeiling);
        return new GenerationScheduler(backend, null, controller, controller.Level);
    }

    /// <summary>Waits for a slot, sends the request, and gives the slot back.</summary>
    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        await Gate.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var started = _clock.Elapsed.TotalSeconds;
        var signalled = false;
        var failed = false;
        int? tokens = null;
        try
        {
            var completion = _coalescer is not null
                ? await _coalescer.GenerateAsync(request, cancellationToken).ConfigureAwait(false)
                : await LoadSignals.ListenAsync(
                    _ =>
                    {
                        signalled = true;
                        Throttled(started);
                    },
                    () => GenerateAloneAsync(request, cancellationToken)).ConfigureAwait(false);
            failed = completion.Status == CompletionStatus.Error;
            tokens = completion.CompletionTokens;
            return completion;
        }
        finally
        {
            Gate.Release();
            Observe(started, _clock.Elapsed.TotalSeconds, tokens, timedOutOrThrottled: failed && signalled);
        }
    }

    /// <summary>The level, the requests in flight, the recent median latency and the time-outs, for the progress line.</summary>
    public SchedulerSnapshot Snapshot(int programTimeouts)
    {
        lock (_lock)
        {
            double? median = _recentLatencies.Count == 0 ? null : _recentLatencies.Order().ElementAt(_recentLatencies.Count / 2);
            return new SchedulerSnapshot(Gate.Limit, Gate.InFlight, _controller is not null, median, _requestTimeouts, programTimeouts);
        }
    }

    private async Task<Completion> GenerateAloneAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var completions = await _backend.GenerateAsync([request], cancellationToken).ConfigureAwait(false);
        return completions.Count == 1
            ? completions[0]
            : throw new InvalidOperationException($"backend {_backend.Spec} returned {completions.Count} completions for 1 request");
    }

    private void Observe(double started, double finished, int? tokens, bool timedOutOrThrottled)
    {
        lock (_lock)
        {
            _recentLatencies.Enqueue(finished - started);
            if (_recentLatencies.Count > LatencyMemory) _recentLatencies.Dequeue();
            if (timedOutOrThrottled) _requestTimeouts++;
            if (_controller is null) return;
            _controller.Observe(started, finished, tokens);
            if (_controller.WindowComplete) Gate.SetLimit(_controller.Decide(Gate.TakeWasFull()));
        }
    }

    // An attempt was throttled or timed out (reported by the backend before its retries): the level steps down at once.
    private void Throttled(double started)
    {
        lock (_lock)
        {
            if (_controller is null || !_controller.Throttled(started, _clock.Elapsed.TotalSeconds)) return;
            Gate.SetLimit(_controller.Level);
        }
    }
}
