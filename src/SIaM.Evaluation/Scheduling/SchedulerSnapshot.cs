namespace SIaM.Evaluation.Scheduling;

/// <summary>The scheduler's state for a progress line.</summary>
/// <param name="Level">Model requests allowed in flight now.</param>
/// <param name="InFlight">Model requests in flight now.</param>
/// <param name="Adaptive">Whether the level adapts (else it was fixed with <c>--max-in-flight</c>).</param>
/// <param name="MedianLatencySeconds">Median latency of the last model requests, or null before the first.</param>
/// <param name="RequestTimeouts">Model requests that ran out of time or were throttled so far.</param>
/// <param name="ProgramTimeouts">Programs that hit the sandbox's time limit so far.</param>
public sealed record SchedulerSnapshot(
    int Level, int InFlight, bool Adaptive, double? MedianLatencySeconds, int RequestTimeouts, int ProgramTimeouts);
