using System.Diagnostics;
using System.Threading.Channels;
using Docker.DotNet;
using SIaM.Core;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// A warm pool of long-lived, locked-down worker containers, spread over one or more Docker engines by weight. Each
/// worker has sympy and numpy imported and forks one child per program under the policy's limits; the next program
/// already waits inside the worker while one runs, and moves to the next free worker when the running one is slow
/// (<see cref="DockerPoolOptions.MoveStalled"/>; the first verdict wins). Programs queue in one channel. A worker that
/// dies, hangs or breaks the protocol is replaced; its programs go back to the queue for any engine, and the one that
/// was running is retried once (a second failure is a <c>sandbox_failure</c>). An engine that stops answering is given
/// up; when no engine is left, queued programs get <c>sandbox_failure</c>.
/// </summary>
public sealed partial class DockerSandboxPool : ICodeSandbox
{
    private readonly SandboxPolicy _policy;
    private readonly DockerPoolOptions _options;
    private readonly Dictionary<string, string> _labels;
    private readonly IReadOnlyList<EngineConnection> _engines;
    private Slot[] _slots;
    private readonly Channel<Queued> _queue = Channel.CreateUnboundedPrioritized(new UnboundedPrioritizedChannelOptions<Queued> { Comparer = Queued.Order });
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _loops = [];
    private long _firstDispatch;
    private int _liveSlots;
    private int _replacements;
    private int _disposed;

    private DockerSandboxPool(SandboxPolicy policy, DockerPoolOptions options, string image, IReadOnlyList<EngineConnection> engines, string poolId)
    {
        _policy = policy;
        _options = options;
        ImageName = image;
        _engines = engines;
        PoolId = poolId;
        _labels = PoolLabels.For(poolId);
        _slots = [.. engines.SelectMany(engine => Enumerable.Range(0, engine.Workers).Select(_ => new Slot(engine)))];
        _liveSlots = _slots.Length;
    }

    /// <summary>The image name (tag) every worker runs.</summary>
    public string ImageName { get; }

    /// <summary>The image id (<c>sha256:…</c>) every program runs in (the first engine's; see <see cref="Engines"/>).</summary>
    public string ImageId => _engines[0].ImageId;

    /// <summary>The value of this pool's <c>siam.pool</c> label.</summary>
    public string PoolId { get; }

    /// <summary>Worker containers over all engines.</summary>
    public int WorkerCount => _slots.Length;

    /// <summary>How many workers were replaced after dying or hanging.</summary>
    public int Replacements => Volatile.Read(ref _replacements);

    /// <summary>Per-engine workers, throughput and health.</summary>
    public IReadOnlyList<EngineStats> Engines => [.. _engines.Select(e => e.Stats(Volatile.Read(ref _firstDispatch)))];

    /// <summary>What the start-up probe measured and chose; null when the worker count was given (or several engines are used).</summary>
    public WorkerProbeResult? Probe { get; private set; }

    /// <summary>How the first workers' frames travel: <c>socket</c> (direct channel), <c>attach</c> (through the engine), or both kinds.</summary>
    public string Transport { get; private set; } = "";

    /// <summary>Versions the workers reported (Python, sympy, numpy).</summary>
    public string Runtime { get; private set; } = "";

    /// <inheritdoc />
    public string Description
    {
        get
        {
            var ids = _engines.Select(e => e.ImageId).Distinct().ToList();
            var engines = _engines.Count == 1 ? "" : $" engines={string.Join(",", _engines.Select(e => $"{e.Endpoint.Name}×{e.Workers}"))}";
            var probe = Probe is null ? "" : $" ({Probe.Summary})";
            return $"docker:{ImageName}@{string.Join(",", ids)} workers={_slots.Length}{probe}{engines} transport={Transport} {Runtime}".TrimEnd();
        }
    }

    /// <summary>
    /// Connects to every engine, checks the image on each, removes orphans of earlier runs and starts the workers.
    /// Throws <see cref="InputException"/> when an engine is unreachable or lacks the image, with what to run.
    /// </summary>
    public static async Task<DockerSandboxPool> StartAsync(SandboxPolicy policy, DockerPoolOptions options, CancellationToken cancellationToken)
    {
        if (options.Workers < 1) throw new InputException($"the sandbox pool needs at least one worker (got {options.Workers})");
        if (options.PipelineDepth < 1) throw new InputException($"the pipeline depth must be at least 1 (got {options.PipelineDepth})");
        var endpoints = EngineEndpoint.ResolveAll(
            options.DockerHosts is { Count: > 0 } hosts ? hosts : options.DockerHost is null ? null : [options.DockerHost]);
        var image = options.Image ?? SandboxImage.Tag;
        var clients = new List<DockerClient>();
        DockerSandboxPool? pool = null;
        try
        {
            var counts = EngineEndpoint.Spread(endpoints, options.Workers);
            var engines = await Task.WhenAll(endpoints.Select(async (endpoint, i) =>
            {
                var client = await DockerEngine.ConnectAsync(endpoint, cancellationToken);
                lock (clients) clients.Add(client);
                string imageId;
                try
                {
                    imageId = await SandboxImage.RequireAsync(client, image, cancellationToken);
                }
                catch (InputException e) when (endpoints.Count > 1)
                {
                    throw new InputException($"engine {endpoint.Name}: {e.Message} (or copy it: docker save {image} | docker -H {endpoint.Address} load)");
                }
                await OrphanReaper.RemoveOrphansAsync(client, cancellationToken);
                return new EngineConnection(endpoint, client, imageId, counts[i]);
            }));
            pool = new DockerSandboxPool(
                policy,
                options,
                image,
                [.. engines.Where(e => e.Workers > 0), .. engines.Where(e => e.Workers == 0)],
                Guid.NewGuid().ToString("N")[..12]);
            ShutdownHook.Register(pool, onSignal: options.RemoveOnSignal);
            await Task.WhenAll(pool._slots.Select(async slot => slot.Worker = await pool.StartWorkerAsync(slot.Engine, cancellationToken)));
            if (options.ProbeWorkers && pool._engines.Count(e => e.Workers > 0) == 1 && pool._slots.Length > 1) await pool.ProbeWorkersAsync(cancellationToken);
            var hello = pool._slots[0].Worker!.Hello!;
            pool.Runtime = $"python={hello.Python} sympy={hello.Sympy} numpy={hello.Numpy}";
            pool.Transport = string.Join(",", pool._slots.Select(s => s.Worker!.Transport).Distinct().Order());
            foreach (var slot in pool._slots) pool._loops.Add(Task.Run(() => pool.ServeAsync(slot)));
            if (options.MoveStalled is { } rule && options.PipelineDepth > 1 && pool._slots.Length > 1)
                pool._loops.Add(Task.Run(() => pool.WatchForStallsAsync(rule)));
            return pool;
        }
        catch
        {
            if (pool is not null) await pool.DisposeAsync();
            else clients.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (Volatile.Read(ref _firstDispatch) == 0) Interlocked.CompareExchange(ref _firstDispatch, Stopwatch.GetTimestamp(), 0);
        var item = new WorkItem(code, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Enqueue(item, moved: false)) throw new ChannelClosedException();
        if (Volatile.Read(ref _liveSlots) == 0) FailQueued(NoEngineLeft());
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs the start-up probe over the started workers and stops those beyond the chosen count.</summary>
    private async Task ProbeWorkersAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_policy.WallClockSeconds + _options.HangGraceSeconds);
        Probe = await WorkerProbe.RunAsync([.. _slots.Select(s => s.Worker!)], _policy, _options.PipelineDepth, timeout, cancellationToken);
        var surplus = _slots[Probe.Chosen..];
        _slots = _slots[..Probe.Chosen];
        _liveSlots = _slots.Length;
        _engines[0].Workers = Probe.Chosen;
        await Task.WhenAll(surplus.Select(s => s.Worker!.DisposeAsync().AsTask()));
    }

    private async Task<WorkerContainer> StartWorkerAsync(EngineConnection engine, CancellationToken cancellationToken)
    {
        using var channel = _options.DirectChannel && engine.Endpoint.Address.Scheme == "unix" && !OperatingSystem.IsWindows() ? DirectChannel.TryOpen() : null;
        return await WorkerContainer.StartAsync(
            engine.Client,
            ImageName,
            _policy,
            _labels,
            channel,
            TimeSpan.FromSeconds(_options.StartTimeoutSeconds),
            cancellationToken);
    }

    private string NoEngineLeft() =>
        "no Docker engine can run programs: " + string.Join("; ", _engines.Select(e => $"{e.Endpoint.Name}: {e.Stats(0).LastError ?? "workers gave up"}"));

    private void FailQueued(string reason)
    {
        while (_queue.Reader.TryRead(out var queued)) Taken(queued).Completion.TrySetResult(ExecResult.SandboxFailure(reason));
    }

    /// <summary>Removes every container of this pool on every engine that still answers.</summary>
    internal async Task RemoveContainersAsync()
    {
        await Task.WhenAll(_slots.Select(s => s.Worker).Where(w => w is not null).Select(w => w!.DisposeAsync().AsTask()));
        await Task.WhenAll(_engines.Where(e => e.Alive).Select(async engine =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                var left = await OrphanReaper.ListAsync(engine.Client, timeout.Token, PoolId);
                await Task.WhenAll(left.Select(c => WorkerContainer.RemoveQuietlyAsync(engine.Client, c.ID)));
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or OperationCanceledException or IOException)
            {
            }
        }));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        _shutdown.Cancel();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }
        FailQueued("the sandbox pool was disposed before the program ran");
        await RemoveContainersAsync();
        ShutdownHook.Unregister(this);
        _shutdown.Dispose();
        foreach (var engine in _engines) engine.Client.Dispose();
    }

    private sealed record WorkItem(string Code, CancellationToken CancellationToken)
    {
        private int _failures;
        private int _inWorkers;
        private int _running;

        public TaskCompletionSource<ExecResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Times a worker failed while this program was the one running.</summary>
        public int Failures => Volatile.Read(ref _failures);

        public string LastFailure { get; private set; } = "";

        /// <summary>Workers it has been sent to and that have not answered it: more than one once it was moved.</summary>
        public int InWorkers => Volatile.Read(ref _inWorkers);

        /// <summary>Whether some worker is running it now.</summary>
        public bool Running => Volatile.Read(ref _running) > 0;

        /// <summary>Counts a worker failure while it ran.</summary>
        public void Charge(string reason)
        {
            LastFailure = reason;
            Interlocked.Increment(ref _failures);
        }

        public void Sent() => Interlocked.Increment(ref _inWorkers);

        public void Began() => Interlocked.Increment(ref _running);

        public void Left(bool began)
        {
            if (began) Interlocked.Decrement(ref _running);
            Interlocked.Decrement(ref _inWorkers);
        }
    }

    private sealed class Slot(EngineConnection engine)
    {
        private volatile WorkerFeed? _feed;

        public EngineConnection Engine { get; } = engine;

        public WorkerContainer? Worker { get; set; }

        /// <summary>What its worker is doing now; null between workers.</summary>
        public WorkerFeed? Feed
        {
            get => _feed;
            set => _feed = value;
        }
    }
}
