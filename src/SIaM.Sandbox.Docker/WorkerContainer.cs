using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>One long-lived worker container, attached over its stdin/stdout. Runs one program at a time; the next may wait in it.</summary>
internal sealed class WorkerContainer : IAsyncDisposable
{
    private readonly DockerClient _client;
    private readonly MultiplexedStream _stream;
    private readonly FrameBuffer _stdout = new();
    private readonly StringBuilder _stderr = new();
    private long _nextId;
    private int _disposed;

    private WorkerContainer(DockerClient client, string id, MultiplexedStream stream)
    {
        _client = client;
        Id = id;
        _stream = stream;
    }

    /// <summary>
    /// The processes a healthy worker container runs between programs: the front (PID 1) and the pre-imported forker it
    /// starts (see image/worker.py). Anything more is a program left behind.
    /// </summary>
    public const int OwnProcesses = 2;

    public string Id { get; }

    /// <summary>The worker's own stderr (not the programs'): useful when it dies.</summary>
    public string WorkerLog => _stderr.ToString();

    public WorkerReply? Hello { get; private set; }

    public static async Task<WorkerContainer> StartAsync(
        DockerClient client, string image, SandboxPolicy policy, IDictionary<string, string> labels, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(SandboxContainerSpec.Create(image, policy, labels, attach: true), cancellationToken);
        WorkerContainer? worker = null;
        try
        {
            var stream = await client.Containers.AttachContainerAsync(created.ID, false,
                new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true }, cancellationToken);
            worker = new WorkerContainer(client, created.ID, stream);
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
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
            await _stream.WriteAsync(frame, 0, frame.Length, cancellationToken);
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
                if (FrameCodec.TryDecode<WorkerReply>(_stdout, out var reply))
                {
                    if (reply!.Id != requestId) throw new WorkerFailedException($"worker answered request {reply.Id}, expected {requestId}");
                    return reply;
                }
                var space = _stdout.Reserve(16 * 1024);
                var read = await _stream.ReadOutputAsync(space.Array!, space.Offset, space.Count, deadline.Token);
                if (read.EOF) throw new WorkerFailedException($"worker container {Id[..12]} closed its output (died). {Tail(WorkerLog)}");
                if (read.Target == MultiplexedStream.TargetStream.StandardOut) _stdout.Commit(read.Count);
                else if (_stderr.Length < 64 * 1024) _stderr.Append(Encoding.UTF8.GetString(space.Array!, space.Offset, read.Count));
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

    private async Task<WorkerReply> PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new WorkerRequest(Interlocked.Increment(ref _nextId), null, 0, 0, 0, 0, 0, 0, Ping: true);
        await SendAsync(request, cancellationToken);
        return await ReceiveAsync(request.Id, timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stream.Dispose();
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
