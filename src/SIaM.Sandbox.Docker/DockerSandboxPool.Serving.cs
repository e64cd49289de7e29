using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

public sealed partial class DockerSandboxPool
{
    /// <summary>Keeps one worker slot busy: (re)starts its worker, feeds it, and gives up when its engine is gone.</summary>
    private async Task ServeAsync(Slot slot)
    {
        var token = _shutdown.Token;
        var startFailures = 0;
        try
        {
            while (!token.IsCancellationRequested && slot.Engine.Alive)
            {
                if (slot.Worker is null)
                {
                    try
                    {
                        slot.Worker = await StartWorkerAsync(slot.Engine, token);
                        startFailures = 0;
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        if (!await slot.Engine.CheckAliveAsync($"a worker could not start ({e.GetBaseException().Message})")) break;
                        if (++startFailures >= 3)
                        {
                            slot.Engine.MarkDead($"3 workers in a row could not start: {e.GetBaseException().Message}");
                            break;
                        }
                        await Task.Delay(TimeSpan.FromMilliseconds(300 * startFailures), token);
                        continue;
                    }
                }
                var failure = await FeedAsync(slot, slot.Worker, token);
                if (token.IsCancellationRequested) break;
                var worker = slot.Worker;
                slot.Worker = null;
                Interlocked.Increment(ref _replacements);
                await worker.DisposeAsync();
                if (failure is not null)
                {
                    slot.Engine.WorkerFailed();
                    await slot.Engine.CheckAliveAsync(failure);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            if (Interlocked.Decrement(ref _liveSlots) == 0 && !token.IsCancellationRequested) FailQueued(NoEngineLeft());
        }
    }

    /// <summary>
    /// Sends programs to one worker, keeping up to <see cref="DockerPoolOptions.PipelineDepth"/> in it (one runs, the
    /// rest wait inside the worker), and completes them from its replies. Returns null when the worker must be
    /// recycled, the failure when it died, hung or broke the protocol (its programs are then queued again).
    /// </summary>
    private async Task<string?> FeedAsync(Slot slot, WorkerContainer worker, CancellationToken token)
    {
        var feed = new WorkerFeed(Stopwatch.GetTimestamp());
        var inFlight = feed.InFlight;
        using var free = new SemaphoreSlim(_options.PipelineDepth);
        using var sent = new SemaphoreSlim(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        slot.Feed = feed;
        var sender = Task.Run(() => SendLoopAsync(worker, feed, free, sent, stop.Token), CancellationToken.None);
        var grace = TimeSpan.FromSeconds(_policy.WallClockSeconds + _options.HangGraceSeconds);
        string? failure = null;
        var headCharged = false;
        try
        {
            while (true)
            {
                var next = sent.WaitAsync(stop.Token);
                if (await Task.WhenAny(next, sender) == sender)
                {
                    await sender; // the sender only ends by failing (or by shutdown)
                    throw new WorkerFailedException("the sender stopped");
                }
                await next;
                inFlight.TryPeek(out var head);
                var started = Math.Max(feed.LastReply, head!.SentAt);
                head.Begin();
                var reply = await worker.ReceiveAsync(head.RequestId, grace - Stopwatch.GetElapsedTime(started), stop.Token);
                feed.LastReply = Stopwatch.GetTimestamp();
                _runTimes.Add(Stopwatch.GetElapsedTime(started, feed.LastReply).TotalSeconds);
                inFlight.TryDequeue(out _);
                head.Leave();
                free.Release();
                var status = VerdictNames.Parse(reply.Status);
                if (status is null || status == ExecStatus.SandboxFailure)
                {
                    var reason = status is null ? $"worker sent an unknown verdict '{reply.Status}'" : reply.Stderr ?? "worker failure";
                    Retry(slot.Engine, head.Item, charged: true, reason);
                    headCharged = true;
                    failure = reason;
                    return failure;
                }
                // First verdict wins: a program moved away from a slow one may have had its verdict from another worker.
                var verdict = head.Item.Completion.TrySetResult(new ExecResult(
                    status.Value,
                    reply.ExitCode,
                    reply.Stdout ?? "",
                    reply.Stderr ?? "",
                    reply.DurationMs,
                    reply.Truncated));
                slot.Engine.Answered(reply.IdleMs, reply.BusyMs, verdict);
                if (reply.Recycle) return null; // the program left something the worker could not clean
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is WorkerFailedException or ChannelClosedException or IOException or HttpRequestException)
        {
            failure = e.Message;
            return failure;
        }
        finally
        {
            slot.Feed = null;
            await stop.CancelAsync();
            try
            {
                await sender;
            }
            catch (Exception e) when (e is OperationCanceledException or WorkerFailedException or ChannelClosedException)
            {
            }
            var first = !headCharged;
            while (inFlight.TryDequeue(out var left))
            {
                // The program that was running is charged with the failure; those waiting behind it never ran.
                left.Leave();
                Retry(slot.Engine, left.Item, charged: failure is not null && first, failure ?? "the worker was recycled");
                first = false;
            }
        }
    }

    private async Task SendLoopAsync(
        WorkerContainer worker,
        WorkerFeed feed,
        SemaphoreSlim free,
        SemaphoreSlim sent,
        CancellationToken token)
    {
        while (true)
        {
            await free.WaitAsync(token);
            var item = Taken(await _queue.Reader.ReadAsync(token));
            // A program moved away from a slow one (or queued again) may meanwhile have its verdict, run in some
            // worker (its verdict comes, or it is queued again) or wait in this one: then this copy is not needed.
            if (item.Completion.Task.IsCompleted || item.Running || feed.Holds(item))
            {
                free.Release();
                continue;
            }
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Completion.TrySetCanceled(item.CancellationToken);
                free.Release();
                continue;
            }
            var request = worker.ProgramRequest(item.Code, _policy);
            item.Sent();
            feed.InFlight.Enqueue(new InFlight(item, request.Id, Stopwatch.GetTimestamp()));
            sent.Release();
            await worker.SendAsync(request, token);
        }
    }

    /// <summary>Queues a program taken back from a failed worker again, or fails it when it already had its retry.</summary>
    private void Retry(EngineConnection engine, WorkItem item, bool charged, string reason)
    {
        if (item.Completion.Task.IsCompleted) return;
        if (charged) item.Charge(reason);
        if (item.InWorkers > 0) return; // a copy in another worker gives the verdict (or comes back here when it fails)
        if (item.Failures >= 2)
        {
            item.Completion.TrySetResult(ExecResult.SandboxFailure($"sandbox failure (after one retry): {item.LastFailure}"));
            return;
        }
        engine.MovedAway();
        if (!Enqueue(item, moved: false))
            item.Completion.TrySetResult(ExecResult.SandboxFailure("the sandbox pool was disposed while the program ran"));
        else if (Volatile.Read(ref _liveSlots) == 0)
            FailQueued(NoEngineLeft());
    }

}
