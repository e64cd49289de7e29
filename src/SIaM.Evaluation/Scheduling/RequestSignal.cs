namespace SIaM.Evaluation.Scheduling;

/// <summary>How one model request ended, as the in-flight controller sees it.</summary>
public enum RequestSignal
{
    /// <summary>Answered (a completion or a per-request failure that says nothing about load).</summary>
    Ok,
    /// <summary>The server said it is overloaded (429 or 503).</summary>
    Throttled,
    /// <summary>The request ran out of time.</summary>
    TimedOut,
}
