using System.Diagnostics;
using Docker.DotNet;

namespace SIaM.Sandbox.Docker;

/// <summary>One engine of a pool: its client, its image id, whether it still answers, and its counters.</summary>
internal sealed class EngineConnection(EngineEndpoint endpoint, DockerClient client, string imageId, int workers)
{
    private long _completed;
    private long _movedAway;
    private long _workerFailures;
    private long _lastCompletion;
    private long _idleMicroseconds;
    private long _busyMicroseconds;
    private volatile string? _lastError;
    private volatile bool _alive = true;

    public EngineEndpoint Endpoint { get; } = endpoint;

    public DockerClient Client { get; } = client;

    public string ImageId { get; } = imageId;

    /// <summary>Workers on this engine (lowered once by the start-up probe, before any program runs).</summary>
    public int Workers { get; set; } = workers;

    public bool Alive => _alive;

    /// <summary>
    /// Counts an answer, with the time its worker waited for the request and then spent answering it; the program counts
    /// as completed only when the answer gave its verdict (not for a second run whose verdict was discarded).
    /// </summary>
    public void Answered(double idleMs, double busyMs, bool verdict)
    {
        Interlocked.Add(ref _idleMicroseconds, (long)(idleMs * 1000));
        Interlocked.Add(ref _busyMicroseconds, (long)(busyMs * 1000));
        if (!verdict) return;
        Interlocked.Increment(ref _completed);
        Volatile.Write(ref _lastCompletion, Stopwatch.GetTimestamp());
    }

    public void MovedAway() => Interlocked.Increment(ref _movedAway);

    public void WorkerFailed() => Interlocked.Increment(ref _workerFailures);

    /// <summary>Pings the engine; when it does not answer within a few seconds it is marked dead for good.</summary>
    public async Task<bool> CheckAliveAsync(string reason)
    {
        if (!_alive) return false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Client.System.PingAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            MarkDead($"{reason}; ping failed: {e.GetBaseException().Message}");
            return false;
        }
    }

    public void MarkDead(string reason)
    {
        _lastError ??= reason;
        _alive = false;
    }

    public EngineStats Stats(long firstDispatch)
    {
        var completed = Interlocked.Read(ref _completed);
        var last = Volatile.Read(ref _lastCompletion);
        var seconds = firstDispatch == 0 || last <= firstDispatch ? 0 : Stopwatch.GetElapsedTime(firstDispatch, last).TotalSeconds;
        var idle = Interlocked.Read(ref _idleMicroseconds);
        var busy = Interlocked.Read(ref _busyMicroseconds);
        return new EngineStats(Endpoint, Workers, _alive, completed, Interlocked.Read(ref _movedAway),
            Interlocked.Read(ref _workerFailures), seconds > 0 ? completed / seconds : 0, ImageId, _lastError, idle / 1e6, busy / 1e6);
    }
}
