namespace SIaM.Sandbox.Docker;

/// <summary>
/// The places a program can write that would outlive it, all of which the worker empties after every program (see
/// image/worker.py and docs/sandbox-state.md). Everything else in the container is read-only to programs.
/// </summary>
public static class WritablePlaces
{
    /// <summary>
    /// The writable directories: the scratch tmpfs (holding the working directory <c>/tmp/w</c>), POSIX shared memory and
    /// semaphores (<c>/dev/shm</c>) and POSIX message queues (<c>/dev/mqueue</c>). System V IPC objects have no path;
    /// the worker removes them too.
    /// </summary>
    public static IReadOnlyList<string> Wiped { get; } = ["/tmp", "/dev/shm", "/dev/mqueue"];

    /// <summary>The working directory programs start in, inside the scratch.</summary>
    public const string WorkDirectory = "/tmp/w";

    /// <summary>True when <paramref name="path"/> is one of <see cref="Wiped"/> or lies under one.</summary>
    public static bool Covers(string path) =>
        Wiped.Any(place => path == place || path.StartsWith(place + "/", StringComparison.Ordinal));
}
