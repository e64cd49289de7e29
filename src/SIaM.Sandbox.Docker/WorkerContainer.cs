using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>One long-lived worker container, attached over its stdin/stdout. Runs one request at a time.</summary>
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
            worker.Hello = await worker.SendAsync(new WorkerRequest(0, null, 0, 0, 0, 0, 0, 0, Ping: true), startTimeout, cancellationToken);
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

    public Task<WorkerReply> RunAsync(string code, SandboxPolicy policy, TimeSpan hangGrace, CancellationToken cancellationToken)
    {
        var request = new WorkerRequest(0, code, policy.CpuTimeSeconds, policy.WallClockSeconds, policy.StdoutLimitBytes,
            policy.StderrLimitBytes, policy.MemoryMiB, policy.ScratchMiB * 1024L * 1024L);
        return SendAsync(request, TimeSpan.FromSeconds(policy.WallClockSeconds) + hangGrace, cancellationToken);
    }

    private async Task<WorkerReply> SendAsync(WorkerRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        request = request with { Id = Interlocked.Increment(ref _nextId) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var frame = FrameCodec.Encode(request);
            await _stream.WriteAsync(frame, 0, frame.Length, deadline.Token);
            while (true)
            {
                if (FrameCodec.TryDecode<WorkerReply>(_stdout, out var reply))
                {
                    if (reply!.Id != request.Id) throw new WorkerFailedException($"worker answered request {reply.Id}, expected {request.Id}");
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
        catch (Exception e) when (e is IOException or DockerApiException or ObjectDisposedException)
        {
            throw new WorkerFailedException($"worker container {Id[..12]} connection failed: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stream.Dispose();
        await RemoveQuietlyAsync(_client, Id);
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
