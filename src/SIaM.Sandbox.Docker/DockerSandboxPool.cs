using System.Threading.Channels;
using Docker.DotNet;
using SIaM.Core;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// A warm pool of long-lived, locked-down worker containers. Each worker has sympy and numpy imported and forks one
/// child per program under the policy's limits. Programs queue in one channel; a worker that dies, hangs or breaks the
/// protocol is removed and replaced, and its program is retried once (a second failure is a <c>sandbox_failure</c>).
/// </summary>
public sealed class DockerSandboxPool : ICodeSandbox
{
    private readonly DockerClient _client;
    private readonly SandboxPolicy _policy;
    private readonly DockerPoolOptions _options;
    private readonly string _image;
    private readonly Dictionary<string, string> _labels;
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly WorkerContainer?[] _workers;
    private readonly List<Task> _loops = [];
    private int _replacements;
    private int _disposed;

    private DockerSandboxPool(DockerClient client, SandboxPolicy policy, DockerPoolOptions options, string image, string imageId, string poolId)
    {
        _client = client;
        _policy = policy;
        _options = options;
        _image = image;
        ImageId = imageId;
        PoolId = poolId;
        _labels = PoolLabels.For(poolId);
        _workers = new WorkerContainer?[options.Workers];
    }

    /// <summary>The image id (<c>sha256:…</c>) every program runs in.</summary>
    public string ImageId { get; }

    /// <summary>The value of this pool's <c>siam.pool</c> label.</summary>
    public string PoolId { get; }

    /// <summary>How many workers were replaced after dying or hanging.</summary>
    public int Replacements => Volatile.Read(ref _replacements);

    /// <summary>Versions the workers reported (Python, sympy, numpy).</summary>
    public string Runtime { get; private set; } = "";

    /// <inheritdoc />
    public string Description => $"docker:{_image}@{ImageId} workers={_workers.Length} {Runtime}".TrimEnd();

    /// <summary>
    /// Connects to the engine, checks the image, removes orphans of earlier runs and starts the workers. Throws
    /// <see cref="InputException"/> when the engine is unreachable or the image is missing, with what to run.
    /// </summary>
    public static async Task<DockerSandboxPool> StartAsync(SandboxPolicy policy, DockerPoolOptions options, CancellationToken cancellationToken)
    {
        if (options.Workers < 1) throw new InputException($"the sandbox pool needs at least one worker (got {options.Workers})");
        var client = await DockerEngine.ConnectAsync(options.DockerHost, cancellationToken);
        DockerSandboxPool? pool = null;
        try
        {
            var image = options.Image ?? SandboxImage.Tag;
            var imageId = await SandboxImage.RequireAsync(client, image, cancellationToken);
            await OrphanReaper.RemoveOrphansAsync(client, cancellationToken);
            pool = new DockerSandboxPool(client, policy, options, image, imageId, Guid.NewGuid().ToString("N")[..12]);
            if (options.RemoveOnSignal) ShutdownHook.Register(pool);
            await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(async slot =>
                pool._workers[slot] = await pool.StartWorkerAsync(cancellationToken)));
            var hello = pool._workers[0]!.Hello!;
            pool.Runtime = $"python={hello.Python} sympy={hello.Sympy} numpy={hello.Numpy}";
            for (var slot = 0; slot < options.Workers; slot++)
            {
                var index = slot;
                pool._loops.Add(Task.Run(() => pool.ServeAsync(index)));
            }
            return pool;
        }
        catch
        {
            if (pool is not null) await pool.DisposeAsync();
            else client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var item = new WorkItem(code, cancellationToken);
        await _queue.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task ServeAsync(int slot)
    {
        var token = _shutdown.Token;
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(token))
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    item.Completion.TrySetCanceled(item.CancellationToken);
                    continue;
                }
                try
                {
                    item.Completion.TrySetResult(await ExecuteAsync(slot, item.Code, token));
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    item.Completion.TrySetResult(ExecResult.SandboxFailure("the sandbox pool was disposed while the program ran"));
                    throw;
                }
                catch (Exception e)
                {
                    // Never let a worker loop die: programs still queued would wait forever (a run would hang).
                    item.Completion.TrySetResult(ExecResult.SandboxFailure($"sandbox failure: {e.Message}"));
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task<ExecResult> ExecuteAsync(int slot, string code, CancellationToken token)
    {
        var failure = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var worker = _workers[slot] ??= await StartWorkerAsync(token);
                var reply = await worker.RunAsync(code, _policy, TimeSpan.FromSeconds(_options.HangGraceSeconds), token);
                var status = VerdictNames.Parse(reply.Status)
                    ?? throw new WorkerFailedException($"worker sent an unknown verdict '{reply.Status}'");
                var result = new ExecResult(status, reply.ExitCode, reply.Stdout ?? "", reply.Stderr ?? "", reply.DurationMs, reply.Truncated);
                if (status != ExecStatus.SandboxFailure)
                {
                    if (reply.Recycle) await ReplaceAsync(slot); // the program left something the worker could not clean
                    return result;
                }
                failure = result.Stderr;
                await ReplaceAsync(slot);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                failure = e.Message;
                await ReplaceAsync(slot);
            }
        }
        return ExecResult.SandboxFailure($"sandbox failure (after one retry): {failure}");
    }

    private async Task ReplaceAsync(int slot)
    {
        var worker = _workers[slot];
        _workers[slot] = null;
        if (worker is null) return;
        Interlocked.Increment(ref _replacements);
        await worker.DisposeAsync();
    }

    private async Task<WorkerContainer> StartWorkerAsync(CancellationToken cancellationToken)
    {
        // Every engine call of a start is bounded: an engine that stops or freezes must fail programs, not hang them.
        var limit = TimeSpan.FromSeconds(_options.StartTimeoutSeconds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await WorkerContainer.StartAsync(_client, _image, _policy, _labels, limit, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkerFailedException($"the Docker engine at {DockerEngine.ResolveEndpoint(_options.DockerHost)} did not start a worker within {limit.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new WorkerFailedException($"the Docker engine at {DockerEngine.ResolveEndpoint(_options.DockerHost)} is not reachable ({e.GetBaseException().Message})", e);
        }
    }

    /// <summary>Removes every container of this pool (also those a crashed worker loop lost track of).</summary>
    internal async Task RemoveContainersAsync()
    {
        var known = _workers.Where(w => w is not null).Select(w => w!.DisposeAsync().AsTask());
        await Task.WhenAll(known);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var left = await OrphanReaper.ListAsync(_client, timeout.Token, PoolId);
            await Task.WhenAll(left.Select(c => WorkerContainer.RemoveQuietlyAsync(_client, c.ID)));
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or OperationCanceledException or IOException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        _shutdown.Cancel();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }
        while (_queue.Reader.TryRead(out var item))
            item.Completion.TrySetResult(ExecResult.SandboxFailure("the sandbox pool was disposed before the program ran"));
        await RemoveContainersAsync();
        ShutdownHook.Unregister(this);
        _shutdown.Dispose();
        _client.Dispose();
    }

    private sealed record WorkItem(string Code, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<ExecResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
