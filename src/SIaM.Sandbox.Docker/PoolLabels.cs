using System.Diagnostics;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// The labels that identify a pool's containers: the sandbox label, the pool id, and the owning process (host name,
/// pid, process start time) so that a later run can tell an orphan of a crashed run from a live pool's container.
/// </summary>
internal static class PoolLabels
{
    public const string Pool = "siam.pool";
    public const string Host = "siam.host";
    public const string Pid = "siam.pid";
    public const string Started = "siam.started";

    public static Dictionary<string, string> For(string poolId)
    {
        using var self = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [SandboxContainerSpec.SandboxLabel] = "1",
            [Pool] = poolId,
            [Host] = Environment.MachineName,
            [Pid] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [Started] = StartStamp(self),
        };
    }

    /// <summary>True when the labels name a process on this host that no longer runs (a crashed earlier run).</summary>
    public static bool IsOrphan(IDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(Host, out var host) || host != Environment.MachineName) return false;
        if (!labels.TryGetValue(Pid, out var pidText) || !int.TryParse(pidText, out var pid)) return true;
        try
        {
            using var owner = Process.GetProcessById(pid);
            return !labels.TryGetValue(Started, out var started) || !SameStart(started, StartStamp(owner));
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    // Process.StartTime is boot time + start ticks, and each process derives the boot time from the clocks when it first
    // asks: two processes see the same start a few milliseconds apart. Exact equality made every live pool look like
    // an orphan to the next run that started on this host, which then removed its containers mid-start.
    private static bool SameStart(string label, string observed) =>
        long.TryParse(label, System.Globalization.CultureInfo.InvariantCulture, out var a)
        && long.TryParse(observed, System.Globalization.CultureInfo.InvariantCulture, out var b)
        && Math.Abs(a - b) < TimeSpan.TicksPerSecond;

    private static string StartStamp(Process process) =>
        process.StartTime.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
