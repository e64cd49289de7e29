using System.Collections.Concurrent;
using System.Diagnostics;

namespace SIaM.Sandbox.Docker;

public sealed partial class DockerSandboxPool
{
    /// <summary>How often the pool looks for programs waiting behind a slow one.</summary>
    private static readonly TimeSpan StallCheckPeriod = TimeSpan.FromMilliseconds(50);

    private readonly RunTimeMedian _runTimes = new();
    private int _stalledProgramsMoved;
    private long _queueOrder;
    private int _unsent;

    /// <summary>
    /// Programs that waited inside a worker behind a slow one and were copied to the next free worker
    /// (<see cref="DockerPoolOptions.MoveStalled"/>). Each still has one verdict: the first of its runs to finish.
    /// </summary>
    public int StalledProgramsMoved => Volatile.Read(ref _stalledProgramsMoved);

    /// <summary>Programs in the shared queue: sent to no worker yet.</summary>
    internal int QueuedPrograms => Volatile.Read(ref _unsent);

    /// <summary>Programs sent to workers and not answered yet; a moved program counts in each worker it is in.</summary>
    internal int ProgramsInWorkers => _slots.Sum(s => s.Feed?.InFlight.Count ?? 0);

    /// <summary>Every <see cref="StallCheckPeriod"/>, moves the programs waiting behind a slow one, until shutdown.</summary>
    private async Task WatchForStallsAsync(StallRule rule)
    {
        using var timer = new PeriodicTimer(StallCheckPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_shutdown.Token)) MoveStalled(rule, Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Copies each program waiting in a worker whose running program is slow by <paramref name="rule"/> to the front of
    /// the shared queue, once per worker it waits in. The copy in that worker stays: the worker cannot take a
    /// request back, so it runs it after the slow one, and that verdict is discarded when the moved run answered first.
    /// </summary>
    private void MoveStalled(StallRule rule, long now)
    {
        var median = _runTimes.Median;
        foreach (var slot in _slots)
        {
            if (slot.Feed is not { } feed) continue;
            var programs = feed.InFlight.ToArray();
            if (programs.Length < 2) continue;
            var running = Stopwatch.GetElapsedTime(Math.Max(feed.LastReply, programs[0].SentAt), now).TotalSeconds;
            if (!rule.IsSlow(running, median)) continue;
            foreach (var waiting in programs.Skip(1))
                if (!waiting.Item.Completion.Task.IsCompleted && !waiting.Item.Running && waiting.TryMarkMoved() && Enqueue(waiting.Item, moved: true))
                    Interlocked.Increment(ref _stalledProgramsMoved);
        }
    }

    /// <summary>
    /// Queues a program for the next free worker: after those queued before it, or, when it is
    /// <paramref name="moved"/> away from a slow program, before every program not yet sent. False once the pool is disposed.
    /// </summary>
    private bool Enqueue(WorkItem item, bool moved)
    {
        if (!moved) Interlocked.Increment(ref _unsent);
        if (_queue.Writer.TryWrite(new Queued(item, moved, Interlocked.Increment(ref _queueOrder)))) return true;
        if (!moved) Interlocked.Decrement(ref _unsent);
        return false;
    }

    /// <summary>The program of an entry read from the shared queue.</summary>
    private WorkItem Taken(Queued queued)
    {
        if (!queued.Moved) Interlocked.Decrement(ref _unsent);
        return queued.Item;
    }

    /// <summary>An entry of the shared queue: programs moved away from a slow one first, then in the order queued.</summary>
    private readonly record struct Queued(WorkItem Item, bool Moved, long Sequence)
    {
        public static IComparer<Queued> Order { get; } = Comparer<Queued>.Create((a, b) =>
            a.Moved != b.Moved ? (a.Moved ? -1 : 1) : a.Sequence.CompareTo(b.Sequence));
    }

    /// <summary>The programs one worker has been sent and has not answered, oldest (the running one) first.</summary>
    private sealed class WorkerFeed(long startedAt)
    {
        private long _lastReply = startedAt;

        public ConcurrentQueue<InFlight> InFlight { get; } = new();

        /// <summary>When the worker last answered (a program sent before that started then).</summary>
        public long LastReply
        {
            get => Volatile.Read(ref _lastReply);
            set => Volatile.Write(ref _lastReply, value);
        }

        /// <summary>
        /// Whether it was sent <paramref name="item"/> and has not answered it. When it has, that program may move away
        /// again: a worker that takes a program waiting in itself (a pipeline deeper than 2) does not run it.
        /// </summary>
        public bool Holds(WorkItem item)
        {
            var held = InFlight.FirstOrDefault(f => ReferenceEquals(f.Item, item));
            held?.MayMoveAgain();
            return held is not null;
        }
    }

    /// <summary>One program sent to one worker.</summary>
    private sealed class InFlight(WorkItem item, long requestId, long sentAt)
    {
        private int _began;
        private int _moved;

        public WorkItem Item { get; } = item;

        public long RequestId { get; } = requestId;

        public long SentAt { get; } = sentAt;

        /// <summary>The worker is running it (its turn came).</summary>
        public void Begin()
        {
            if (Interlocked.Exchange(ref _began, 1) == 0) Item.Began();
        }

        /// <summary>It left the worker: answered, or taken back from a worker that failed or was recycled (once).</summary>
        public void Leave() => Item.Left(Volatile.Read(ref _began) == 1);

        /// <summary>True the first time: a program is moved away from a given worker once (unless it came back to it).</summary>
        public bool TryMarkMoved() => Interlocked.Exchange(ref _moved, 1) == 0;

        public void MayMoveAgain() => Volatile.Write(ref _moved, 0);
    }
}
