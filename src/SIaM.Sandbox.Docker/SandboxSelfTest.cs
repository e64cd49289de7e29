using System.Globalization;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>Probes proving each limit of a <see cref="SandboxPolicy"/> is enforced inside the pool (<c>siam sandbox doctor</c>).</summary>
public static class SandboxSelfTest
{
    /// <summary>The probes for <paramref name="policy"/>, in the order they should run (each written-by/wiped pair must stay adjacent).</summary>
    public static IReadOnlyList<SelfTestCheck> Checks(SandboxPolicy policy)
    {
        var cpuQuota = ((long)(policy.Cpus * 100_000)).ToString(CultureInfo.InvariantCulture);
        return
        [
            new("no network (only loopback)", "import socket\nprint(sorted(n for _, n in socket.if_nameindex()))", ExecStatus.Ok, "['lo']\n"),
            new("read-only root filesystem", "open('/siam-probe', 'w')", ExecStatus.Error),
            new("non-root user", "import os\nprint(f'{os.getuid()}:{os.getgid()}')", ExecStatus.Ok, policy.User + "\n"),
            new("all capabilities dropped",
                "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('CapEff')][0])",
                ExecStatus.Ok, "0000000000000000\n"),
            new("no-new-privileges", "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('NoNewPrivs')][0])", ExecStatus.Ok, "1\n"),
            new("pids limit", CgroupRead("pids/pids.max", "pids.max"), ExecStatus.Ok, policy.PidsLimit.ToString(CultureInfo.InvariantCulture) + "\n"),
            new("CPU quota", CgroupRead("cpu/cpu.cfs_quota_us", "cpu.max"), ExecStatus.Ok, cpuQuota + "\n"),
            new("memory limit", $"x = bytearray({policy.MemoryMiB + 64} * 1024 * 1024)", ExecStatus.Memory),
            new("CPU-time limit", "while True:\n    pass", ExecStatus.Timeout),
            new("wall-clock limit", "import time\ntime.sleep(10 ** 6)", ExecStatus.Timeout),
            new("stdout cap (truncation flagged)", $"print('x' * {policy.StdoutLimitBytes * 2})", ExecStatus.OutputLimit),
            new("scratch is a small tmpfs", $"open('big', 'wb').write(b'0' * ({policy.ScratchMiB} + 8) * 1024 * 1024)", ExecStatus.Error),
            new("scratch written by one program…", "open('left-behind', 'w').write('x')\nprint('written')", ExecStatus.Ok, "written\n"),
            new("…is wiped before the next", "import os\nprint(os.listdir('.'), os.listdir('/tmp'))", ExecStatus.Ok, "[] ['w']\n"),
            new("every writable place and System V IPC written by one program…", LeaveSomethingEverywhere, ExecStatus.Ok, "written True True True\n"),
            new("…is empty for the next", LookEverywhere, ExecStatus.Ok, "[['w'], [], [], []] [-1, -1, -1] [0, 0, 0]\n"),
            new("deterministic environment", "import os\nprint(os.environ['PYTHONHASHSEED'], os.environ['TZ'], os.environ['LC_ALL'], hash('siam'))",
                ExecStatus.Ok, "0 UTC C.UTF-8 -2823467484159703425\n"),
            new("worker survives its parent being killed", "import os\nos.kill(os.getppid(), 9)\nprint('ok')", ExecStatus.Ok, "ok\n"),
            new("host channel closed to programs",
                "import socket\ntry:\n    socket.socket(socket.AF_UNIX).connect('/run/siam/worker.sock')\n    print('connected')\n" +
                    "except OSError as e:\n    print(type(e).__name__)",
                ExecStatus.Ok, "FileNotFoundError\n"),
        ];
    }

    /// <summary>Runs every probe one after another on <paramref name="sandbox"/>.</summary>
    public static async Task<IReadOnlyList<SelfTestOutcome>> RunAsync(ICodeSandbox sandbox, SandboxPolicy policy, CancellationToken cancellationToken)
    {
        var outcomes = new List<SelfTestOutcome>();
        foreach (var check in Checks(policy))
            outcomes.Add(new SelfTestOutcome(check, await sandbox.RunPythonAsync(check.Code, cancellationToken)));
        return outcomes;
    }

    /// <summary>The writable places in the order the probes visit them: each wiped place, and the working directory after the scratch.</summary>
    private static string PlacesList => "[" + string.Join(", ", WritablePlaces.Wiped
        .SelectMany(place => place == "/tmp" ? new[] { place, WritablePlaces.WorkDirectory } : [place]).Select(place => $"'{place}'")) + "]";

    /// <summary>An entry in every writable place, and a System V segment, queue and semaphore set under a fixed key.</summary>
    private static string LeaveSomethingEverywhere =>
        $"import ctypes, os\nfor place in {PlacesList}:\n    os.close(os.open(os.path.join(place, 'left-behind'), os.O_CREAT | os.O_WRONLY, 0o600))\n" +
        "libc = ctypes.CDLL(None)\n" +
        "print('written', libc.shmget(0x51a4, 4096, 0o1600) >= 0, libc.msgget(0x51a4, 0o1600) >= 0, libc.semget(0x51a4, 1, 0o1600) >= 0)";

    /// <summary>Lists every writable place, looks the System V objects up by their key and counts the IPC namespace's objects.</summary>
    private static string LookEverywhere =>
        $"import ctypes, os\nlibc = ctypes.CDLL(None)\nprint([sorted(os.listdir(p)) for p in {PlacesList}], " +
        "[libc.shmget(0x51a4, 0, 0), libc.msgget(0x51a4, 0), libc.semget(0x51a4, 0, 0)], " +
        "[len(open('/proc/sysvipc/' + t).readlines()) - 1 for t in ('shm', 'msg', 'sem')])";

    private static string CgroupRead(string v1, string v2) =>
        $"import os\np = '/sys/fs/cgroup/{v1}' if os.path.exists('/sys/fs/cgroup/{v1}') else '/sys/fs/cgroup/{v2}'\nprint(open(p).read().split()[0])";
}
