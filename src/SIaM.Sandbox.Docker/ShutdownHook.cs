using System.Runtime.InteropServices;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// Removes live pools' containers when the process gets SIGINT/SIGTERM or exits, so an interrupted run leaves nothing.
/// (If the process is SIGKILLed, the containers' stdin closes with the attach and their workers exit and auto-remove.)
/// </summary>
internal static class ShutdownHook
{
    private static readonly HashSet<DockerSandboxPool> Pools = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Register(DockerSandboxPool pool)
    {
        lock (Pools)
        {
            if (Registrations.Count == 0)
            {
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => RemoveAll()));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RemoveAll()));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();
            }
            Pools.Add(pool);
        }
    }

    public static void Unregister(DockerSandboxPool pool)
    {
        lock (Pools) Pools.Remove(pool);
    }

    private static void RemoveAll()
    {
        DockerSandboxPool[] pools;
        lock (Pools) pools = [.. Pools];
        Task.WhenAll(pools.Select(p => p.RemoveContainersAsync())).Wait(TimeSpan.FromSeconds(15));
    }
}
