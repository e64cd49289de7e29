namespace SIaM.Core.Runs;

/// <summary>The values of <c>results.json</c>'s <c>status</c>.</summary>
public static class RunStatus
{
    /// <summary>Every planned sample has a verdict.</summary>
    public const string Complete = "complete";

    /// <summary>Some samples are missing, failed or sandbox-failed (counted in <c>remaining</c>); resuming redoes them.</summary>
    public const string Partial = "partial";

    /// <summary>The run stopped before every sample was attempted.</summary>
    public const string Error = "error";

    /// <summary><see cref="Complete"/> when nothing remains, else <see cref="Partial"/>.</summary>
    public static string Of(RemainingSamples remaining) => remaining.Total == 0 ? Complete : Partial;
}
