using System.Diagnostics;
using SIaM.Evaluation;
using SIaM.Evaluation.Scheduling;
using Spectre.Console;

namespace SIaM.Cli;

/// <summary>Progress with ETA: a live bar on a terminal, plain lines on standard error otherwise.</summary>
internal static class RunProgress
{
    public static async Task<T> RunAsync<T>(Func<IRunProgress, Task<T>> body)
    {
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await body(new PlainProgress());
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("samples", autoStart: false);
                result = await body(new BarProgress(task));
            });
        return result;
    }

    /// <summary>The scheduler's part of a progress line: in-flight level, server latency, time-outs.</summary>
    public static string Describe(SchedulerSnapshot snapshot) =>
        $"in flight {snapshot.InFlight}/{snapshot.Level}{(snapshot.Adaptive ? " (adaptive)" : "")}" +
        (snapshot.MedianLatencySeconds is { } latency ? $", latency {latency:0.00} s" : "") +
        $", time-outs {snapshot.ProgramTimeouts} program{(snapshot.ProgramTimeouts == 1 ? "" : "s")}" +
        (snapshot.RequestTimeouts > 0 ? $" + {snapshot.RequestTimeouts} model" : "");

    private sealed class BarProgress(ProgressTask task) : IRunProgress
    {
        private int _correct;
        private volatile SchedulerSnapshot? _snapshot;
        public void Start(int total, int alreadyDone)
        {
            task.MaxValue = Math.Max(1, total);
            task.Value = alreadyDone;
            task.StartTask();
        }

        public void Advance(int count, int correct)
        {
            var c = Interlocked.Add(ref _correct, correct);
            task.Increment(count);
            task.Description = $"samples (correct {c}{(_snapshot is { } s ? "; " + Describe(s) : "")})";
        }

        public void Report(SchedulerSnapshot snapshot) => _snapshot = snapshot;

        public void Stop() => task.StopTask();
    }

    /// <summary>A line every 5 seconds, for logs and CI.</summary>
    private sealed class PlainProgress : IRunProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private int _total, _done, _startDone, _correct;
        private TimeSpan _lastPrint;
        private volatile SchedulerSnapshot? _snapshot;

        public void Report(SchedulerSnapshot snapshot) => _snapshot = snapshot;

        public void Start(int total, int alreadyDone)
        {
            (_total, _done, _startDone) = (total, alreadyDone, alreadyDone);
            Console.Error.WriteLine($"{total} samples, {alreadyDone} already done");
        }

        public void Advance(int count, int correct)
        {
            lock (_gate)
            {
                _done += count;
                _correct += correct;
                if (_clock.Elapsed - _lastPrint < TimeSpan.FromSeconds(5) && _done < _total) return;
                _lastPrint = _clock.Elapsed;
                var rate = (_done - _startDone) / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
                var eta = rate > 0 ? TimeSpan.FromSeconds((_total - _done) / rate) : TimeSpan.Zero;
                Console.Error.WriteLine($"{_done}/{_total} samples ({100.0 * _done / Math.Max(1, _total):0.0}%), {_correct} correct this run, " +
                    $"{rate:0.0}/s, ETA {eta:hh\\:mm\\:ss}" +
                    (_snapshot is { } s ? "; " + Describe(s) : ""));
            }
        }

        public void Stop() => Console.Error.WriteLine($"done in {_clock.Elapsed.TotalSeconds:0.0} s");
    }
}
