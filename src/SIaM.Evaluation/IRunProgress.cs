namespace SIaM.Evaluation;

/// <summary>Receives progress of a run (a terminal bar, plain log lines, or nothing).</summary>
public interface IRunProgress
{
    /// <summary>The run starts: <paramref name="total"/> samples, <paramref name="alreadyDone"/> kept from an earlier attempt.</summary>
    void Start(int total, int alreadyDone);

    /// <summary><paramref name="count"/> more samples are finished; <paramref name="correct"/> of them are correct.</summary>
    void Advance(int count, int correct);

    /// <summary>The scheduler's state after a sample finished: in-flight level, server latency, time-outs.</summary>
    void Report(Scheduling.SchedulerSnapshot snapshot)
    {
    }

    /// <summary>The run ends.</summary>
    void Stop();
}
