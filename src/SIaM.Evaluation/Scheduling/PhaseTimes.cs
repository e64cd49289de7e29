namespace SIaM.Evaluation.Scheduling;

/// <summary>
/// Where samples spent their time, summed over samples (so the total exceeds the wall time when samples overlap):
/// waiting for and generating model output, executing programs, extracting and grading, writing records.
/// </summary>
public sealed class PhaseTimes
{
    private long _generate, _execute, _grade, _write;

    /// <summary>Seconds in model requests, queueing for a slot included.</summary>
    public double GenerateSeconds => Seconds(ref _generate);

    /// <summary>Seconds in the sandbox, queueing included.</summary>
    public double ExecuteSeconds => Seconds(ref _execute);

    /// <summary>Seconds extracting and grading answers.</summary>
    public double GradeSeconds => Seconds(ref _grade);

    /// <summary>Seconds appending records to the samples file.</summary>
    public double WriteSeconds => Seconds(ref _write);

    internal void AddGenerate(TimeSpan elapsed) => Interlocked.Add(ref _generate, elapsed.Ticks);
    internal void AddExecute(TimeSpan elapsed) => Interlocked.Add(ref _execute, elapsed.Ticks);
    internal void AddGrade(TimeSpan elapsed) => Interlocked.Add(ref _grade, elapsed.Ticks);
    internal void AddWrite(TimeSpan elapsed) => Interlocked.Add(ref _write, elapsed.Ticks);

    private static double Seconds(ref long ticks) => TimeSpan.FromTicks(Interlocked.Read(ref ticks)).TotalSeconds;
}
