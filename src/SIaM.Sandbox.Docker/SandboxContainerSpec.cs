using Docker.DotNet.Models;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>Turns a <see cref="SandboxPolicy"/> into the locked-down container configuration.</summary>
internal static class SandboxContainerSpec
{
    /// <summary>Label every SIaM sandbox container carries (orphan removal and engine-down.sh filter on it).</summary>
    public const string SandboxLabel = "siam.sandbox";

    /// <summary>
    /// Memory the worker itself needs on top of the program's budget (Python with sympy and numpy imported is about
    /// 100 MiB resident); the program's own growth is capped by RLIMIT_AS at <see cref="SandboxPolicy.MemoryMiB"/>.
    /// </summary>
    public const int WorkerOverheadMiB = 256;

    /// <summary>The deterministic environment every program sees.</summary>
    public static readonly IReadOnlyList<string> Environment =
    [
        "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
        "TZ=UTC", "HOME=/tmp/w", "PATH=/usr/local/bin:/usr/bin:/bin", "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1",
    ];

    /// <summary>The container for <paramref name="policy"/>; with <paramref name="channel"/>, its socket's directory is mounted read-only.</summary>
    public static CreateContainerParameters Create(
        string image,
        SandboxPolicy policy,
        IDictionary<string, string> labels,
        bool attach,
        DirectChannel? channel = null)
    {
        var memoryBytes = (policy.MemoryMiB + WorkerOverheadMiB) * 1024L * 1024L;
        return new CreateContainerParameters
        {
            Image = image,
            User = policy.User,
            Env = [.. Environment, .. channel?.Environment ?? []],
            WorkingDir = "/tmp",
            Labels = labels,
            AttachStdin = attach,
            AttachStdout = attach,
            AttachStderr = attach,
            OpenStdin = attach,
            StdinOnce = attach, // stdin closes when our attach ends, so the worker exits even if this process is killed
            Tty = false,
            NetworkDisabled = !policy.Network,
            HostConfig = new HostConfig
            {
                NetworkMode = policy.Network ? "bridge" : "none",
                ReadonlyRootfs = true,
                Binds = channel is null ? null : [channel.Bind],
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,nosuid,nodev,noexec,size={policy.ScratchMiB}m,mode=1777" },
                ShmSize = policy.ScratchMiB * 1024L * 1024L, // /dev/shm as small as the scratch, whatever the engine's default
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                Memory = memoryBytes,
                MemorySwap = memoryBytes,
                PidsLimit = policy.PidsLimit,
                NanoCPUs = (long)(policy.Cpus * 1e9),
                IpcMode = "private",
                AutoRemove = attach,
                LogConfig = new LogConfig { Type = attach ? "none" : "json-file" },
                Ulimits = [new Ulimit { Name = "core", Soft = 0, Hard = 0 }],
            },
        };
    }
}
