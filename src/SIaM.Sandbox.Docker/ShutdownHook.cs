using System.Runtime.InteropServices;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// Removes live pools' containers when the process exits, and those of pools that ask for it (see
/// <see cref="DockerPoolOptions.RemoveOnSignal"/>) as soon as it gets SIGINT/SIGTERM, so an interrupted run leaves
/// nothing. (If the process is SIGKILLed, the containers' stdin closes with the attach and their workers exit and
/// auto-remove.)
/// </summary>
internal static class ShutdownHook
{
    private static readonly Dictionary<DockerSandboxPool, bool> Pools = []; // pool → remove on a signal
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Register(DockerSandboxPool pool, bool onSignal)
    {
        lock (Pools)
        {
            if (Registrations.Count == 0)
            {
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => RemoveAll(signalled: true)));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RemoveAll(signalled: true)));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll(signalled: false);
            }
            Pools[pool] = onSignal;
        }
    }

    public static void Unregister(DockerSandboxPool pool)
    {
        lock (Pools) Pools.Remove(pool);
    }

    private static void RemoveAll(bool signalled)
    {
        DockerSandboxPool[] pools;
        lock (Pools) pools = [.. Pools.Where(p => p.Value || !signalled).Select(p => p.Key)];
        Task.WhenAll(pools.Select(p => p.RemoveContainersAsync())).Wait(TimeSpan.FromSeconds(15));
    }
}
