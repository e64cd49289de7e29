using System.Net.Sockets;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// One long-lived worker container. Runs one program at a time; the next may wait in it. The protocol goes over a
/// <see cref="DirectChannel"/> when the engine is on this machine, else over the container's stdin/stdout (the attach
/// stream), which always stays open: it carries the worker's own stderr, and its end tells the worker the engine is gone.
/// </summary>
internal sealed class WorkerContainer : IAsyncDisposable
{
    private readonly DockerClient _client;
    private readonly MultiplexedStream _attach;
    private readonly FrameBuffer _frames = new();
    private readonly StringBuilder _stderr = new();
    private Stream? _direct;
    private Task _drain = Task.CompletedTask;
    private long _nextId;
    private int _disposed;

    private WorkerContainer(DockerClient client, string id, MultiplexedStream attach)
    {
        _client = client;
        Id = id;
        _attach = attach;
    }

    /// <summary>
    /// The processes a healthy worker container runs between programs: the front (PID 1) and the pre-imported forker it
    /// starts (see image/worker.py). Anything more is a program left behind.
    /// </summary>
    public const int OwnProcesses = 2;

    public string Id { get; }

    /// <summary>The worker's own stderr (not the programs'): useful when it dies.</summary>
    public string WorkerLog
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>How frames travel: <c>socket</c> (the direct channel) or <c>attach</c> (through the engine).</summary>
    public string Transport => _direct is null ? "attach" : "socket";

    public WorkerReply? Hello { get; private set; }

    /// <summary>Creates, attaches and starts a worker and waits for its pong, offering it <paramref name="channel"/> when one is given.</summary>
    public static async Task<WorkerContainer> StartAsync(DockerClient client, string image, SandboxPolicy policy, IDictionary<string, string> labels,
        DirectChannel? channel, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(
            SandboxContainerSpec.Create(image, policy, labels, attach: true, channel),
            cancellationToken);
        WorkerContainer? worker = null;
        try
        {
            var stream = await client.Containers.AttachContainerAsync(created.ID, false,
                new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, cancellationToken);
            worker = new WorkerContainer(client, created.ID, stream);
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            if (channel is not null) await worker.ConnectAsync(channel, startTimeout, cancellationToken);
            worker.Hello = await worker.PingAsync(startTimeout, cancellationToken);
            if (!worker.Hello.Pong) throw new WorkerFailedException("worker did not answer the ping");
            return worker;
        }
        catch
        {
            if (worker is not null) await worker.DisposeAsync();
            else await RemoveQuietlyAsync(client, created.ID);
            throw;
        }
    }

    /// <summary>The request for one program under <paramref name="policy"/>, with a fresh id.</summary>
    public WorkerRequest ProgramRequest(string code, SandboxPolicy policy) =>
        new(Interlocked.Increment(ref _nextId), code, policy.CpuTimeSeconds, policy.WallClockSeconds, policy.StdoutLimitBytes,
            policy.StderrLimitBytes, policy.MemoryMiB, policy.ScratchMiB * 1024L * 1024L);

    /// <summary>
    /// Writes one request. The worker buffers a request that arrives while a program runs and answers in order, so
    /// the caller may send the next one before the previous reply (one writer at a time).
    /// </summary>
    public async Task SendAsync(WorkerRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var frame = FrameCodec.Encode(request);
            if (_direct is not null) await _direct.WriteAsync(frame, cancellationToken);
            else await _attach.WriteAsync(frame, 0, frame.Length, cancellationToken);
        }
        catch (Exception e) when (e is IOException or DockerApiException or ObjectDisposedException or HttpRequestException)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} connection failed: {e.Message}", e);
        }
    }

    /// <summary>Reads the reply to <paramref name="requestId"/> (replies come in request order); hung after <paramref name="timeout"/>.</summary>
    public async Task<WorkerReply> ReceiveAsync(long requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        try
        {
            while (true)
            {
                if (FrameCodec.TryDecode<WorkerReply>(_frames, out var reply))
                {
                    if (reply!.Id != requestId) throw new WorkerFailedException($"worker answered request {reply.Id}, expected {requestId}");
                    return reply;
                }
                var space = _frames.Reserve(16 * 1024);
                if (_direct is not null)
                {
                    var count = await _direct.ReadAsync(space, deadline.Token);
                    if (count == 0) throw await DiedAsync();
                    _frames.Commit(count);
                    continue;
                }
                var read = await _attach.ReadOutputAsync(space.Array!, space.Offset, space.Count, deadline.Token);
                if (read.EOF) throw await DiedAsync();
                if (read.Target == MultiplexedStream.TargetStream.StandardOut) _frames.Commit(read.Count);
                else Log(space.Array!, space.Offset, read.Count);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} did not answer within {timeout.TotalSeconds:0.#} s (hung)");
        }
        catch (Exception e) when (e is IOException or DockerApiException or ObjectDisposedException or HttpRequestException)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} connection failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Waits for the worker to connect to <paramref name="channel"/>, reading the attach stream meanwhile: a frame there
    /// is the worker's notice that it could not reach the socket (the protocol then stays on the attach stream). Once
    /// connected, the attach stream is drained in the background for the worker's stderr.
    /// </summary>
    private async Task ConnectAsync(DirectChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var accept = channel.AcceptAsync(deadline.Token);
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                // Not cancelled by the deadline: once the worker connects, this read goes on as the drain.
                var read = _attach.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
                if (await Task.WhenAny(accept, read, Task.Delay(Timeout.Infinite, deadline.Token)) == accept)
                {
                    _direct = await accept;
                    channel.Dispose(); // no second connection: the listener closes and the socket is unlinked
                    _drain = DrainAsync(read, buffer);
                    return;
                }
                deadline.Token.ThrowIfCancellationRequested();
                var result = await read;
                if (result.EOF) throw await DiedAsync();
                if (result.Target != MultiplexedStream.TargetStream.StandardOut)
                {
                    Log(buffer, 0, result.Count);
                    continue;
                }
                var space = _frames.Reserve(result.Count);
                Buffer.BlockCopy(buffer, 0, space.Array!, space.Offset, result.Count);
                _frames.Commit(result.Count);
                if (FrameCodec.TryDecode<WorkerReply>(_frames, out var notice))
                {
                    Log($"siam: direct channel refused, frames go through the engine: {notice!.Reason}\n");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} did not connect within {timeout.TotalSeconds:0.#} s. {Tail(WorkerLog)}");
        }
        catch (Exception e) when (e is IOException or DockerApiException or ObjectDisposedException or HttpRequestException or SocketException)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} connection failed: {e.Message}", e);
        }
        finally
        {
            await deadline.CancelAsync();
            await accept.ContinueWith(_ => { }, TaskScheduler.Default); // observed: cancelled, or the notice came instead
        }
    }

    /// <summary>Keeps reading the attach stream beside the direct channel: the worker's stderr is kept, its stdout is unused.</summary>
    private async Task DrainAsync(Task<MultiplexedStream.ReadResult> pending, byte[] buffer)
    {
        try
        {
            for (var read = await pending; !read.EOF; read = await _attach.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None))
                if (read.Target != MultiplexedStream.TargetStream.StandardOut) Log(buffer, 0, read.Count);
        }
        catch (Exception e) when (e is IOException or DockerApiException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
        {
            // the container or this worker was disposed
        }
    }

    /// <summary>The failure for a worker whose output ended, with the end of its stderr (given a moment to arrive).</summary>
    private async Task<WorkerFailedException> DiedAsync()
    {
        await Task.WhenAny(_drain, Task.Delay(500));
        return new WorkerFailedException($"worker container {Id[..12]} closed its output (died). {Tail(WorkerLog)}");
    }

    private void Log(byte[] bytes, int offset, int count) => Log(Encoding.UTF8.GetString(bytes, offset, count));

    private void Log(string text)
    {
        lock (_stderr)
            if (_stderr.Length < 64 * 1024) _stderr.Append(text);
    }

    private async Task<WorkerReply> PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new WorkerRequest(Interlocked.Increment(ref _nextId), null, 0, 0, 0, 0, 0, 0, Ping: true);
        await SendAsync(request, cancellationToken);
        return await ReceiveAsync(request.Id, timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _direct?.Dispose();
        _attach.Dispose();
        try
        {
            await RemoveQuietlyAsync(_client, Id);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or OperationCanceledException or IOException or TimeoutException)
        {
            // the engine is gone: the container dies with the attach (stdin closes) or is removed when the engine returns
        }
    }

    /// <summary>Force-removes a container, ignoring "already gone" (auto-remove may have raced us).</summary>
    public static async Task RemoveQuietlyAsync(DockerClient client, string id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, timeout.Token);
        }
        catch (DockerContainerNotFoundException) { }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict) { }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            // The engine is gone or not answering: nothing to remove now (a stopped engine stops its containers, and
            // the orphan reaper of the next run removes what is left).
        }
    }

    private static string Tail(string log) => log.Length <= 2000 ? log.Trim() : log[^2000..].Trim();
}
