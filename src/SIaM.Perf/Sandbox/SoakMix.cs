using System.Globalization;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>The deterministic benign/hostile mix of <c>siam sandbox soak</c>: four benign programs to one hostile.</summary>
public static class SoakMix
{
    private static readonly SoakProgram[] Hostile =
    [
        new("memory_bomb", "x = bytearray(4 * 1024 ** 3)", ExecStatus.Memory),
        new("zombies", "import os\nfor _ in range(20):\n    if os.fork() == 0:\n        os._exit(0)\nprint('z')", ExecStatus.Ok, "z\n"),
        new("double_fork_daemon",
            "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(999)\n    os._exit(0)\nprint('d')",
            ExecStatus.Ok, "d\n"),
        new("kill_worker", "import os\nos.kill(os.getppid(), 9)\nprint('k')", ExecStatus.Ok, "k\n"),
        new("stdout_flood", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)", ExecStatus.OutputLimit),
        new("kill_all", "import os\nos.kill(-1, 9)", ExecStatus.Error),
        new("disk_fill", "f = open('/tmp/f', 'wb')\nwhile True:\n    f.write(b'0' * (1 << 20))", ExecStatus.Error),
        new("segfault", "import ctypes\nctypes.string_at(0)", ExecStatus.Killed),
        new("thread_bomb", "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(60,)).start()", ExecStatus.Error),
        new("fork_storm",
            "import os\nfor _ in range(80):\n    try:\n        if os.fork() == 0:\n            os._exit(0)\n    except OSError:\n        pass\nprint('f')",
            ExecStatus.Ok, "f\n"),
        new("close_fds", "import os\nos.closerange(0, 1024)", ExecStatus.Ok),
        new("read_stdin", "input()", ExecStatus.Error),
    ];

    /// <summary>Program <paramref name="index"/> of the mix; every 200th hostile one is an infinite loop (a timeout).</summary>
    public static SoakProgram At(int index)
    {
        if (index % 5 != 4)
        {
            var n = index.ToString(CultureInfo.InvariantCulture);
            return new SoakProgram("benign", $"import sympy\nprint(sympy.Integer({n}) * 3 + 1)", ExecStatus.Ok, $"{index * 3 + 1}\n");
        }
        var hostileIndex = index / 5;
        return hostileIndex % 200 == 199
            ? new SoakProgram("infinite_loop", "while True:\n    pass", ExecStatus.Timeout)
            : Hostile[hostileIndex % Hostile.Length];
    }
}
