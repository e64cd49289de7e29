using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Tests;

/// <summary>The hostile suite as data: each kind of attack on the sandbox and the verdict it must get.</summary>
internal static class HostilePrograms
{
    public static IEnumerable<HostileCase> All() =>
    [
        new("fork_bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass", ExecStatus.Timeout),
        new("thread_bomb", "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(100,)).start()",
            ExecStatus.Error, StderrContains: "thread"),
        new("memory_bomb_at_once", "x = bytearray(4 * 1024 ** 3)", ExecStatus.Memory),
        new("memory_bomb_gradual", "chunks = []\nwhile True:\n    chunks.append(bytearray(10 ** 7))", ExecStatus.Memory),
        new("numpy_memory_bomb", "import numpy as np\nnp.ones(10 ** 10)", ExecStatus.Memory),
        new("infinite_loop", "while True:\n    pass", ExecStatus.Timeout),
        new("busy_loop_ignoring_sigterm_and_sigxcpu",
            "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass",
            ExecStatus.Timeout),
        new("sleep_forever", "import time\ntime.sleep(10 ** 6)", ExecStatus.Timeout),
        new("stop_itself", "import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)", ExecStatus.Timeout),
        new("one_gigabyte_to_stdout", "import sys\nchunk = 'x' * 65536\nfor _ in range(16384):\n    sys.stdout.write(chunk)",
            ExecStatus.OutputLimit),
        new("flood_stderr", "import sys\nchunk = 'e' * 65536\nwhile True:\n    sys.stderr.write(chunk)", ExecStatus.OutputLimit),
        new("disk_fill_scratch",
            "with open('/tmp/fill', 'wb') as f:\n    while True:\n        f.write(b'0' * (1 << 20))", ExecStatus.Error, StderrContains: "Error"),
        new("disk_fill_root", "with open('/fill', 'wb') as f:\n    f.write(b'0' * (1 << 20))", ExecStatus.Error, StderrContains: "Read-only file system"),
        new("write_outside_scratch", "open('/opt/siam/worker.py', 'w').write('pwned')", ExecStatus.Error),
        new("network_only_loopback",
            "import socket\nprint(sorted(name for _, name in socket.if_nameindex()))", ExecStatus.Ok, StdoutContains: "['lo']"),
        new("network_connect_refused_on_loopback",
            "import socket\ns = socket.socket()\ns.settimeout(2)\ns.connect(('127.0.0.1', 9))", ExecStatus.Error, StderrContains: "ConnectionRefusedError"),
        new("read_host_secrets", "print(open('/etc/shadow').read())", ExecStatus.Error, StderrContains: "PermissionError"),
        new("read_worker_protocol_descriptor", "open('/proc/1/fd/1', 'w').write('garbage')", ExecStatus.Error, StderrContains: "PermissionError"),
        new("kill_everything", "import os\nos.kill(-1, 9)\nprint('still here')", ExecStatus.Error, StderrContains: "ProcessLookupError"),
        new("kill_the_worker", "import os, signal\nfor s in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGSTOP, signal.SIGHUP):\n" +
            "    os.kill(os.getppid(), s)\nprint('worker survived')",
            ExecStatus.Ok, StdoutContains: "worker survived"),
        new("signal_the_front",
            "import os, signal\nfor s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGKILL, signal.SIGSTOP):\n" +
            "    os.kill(1, s)\nprint('front survived')",
            ExecStatus.Ok, StdoutContains: "front survived"),
        new("kill_the_forkers_group", "import os, signal\nos.killpg(os.getpgid(os.getppid()), signal.SIGKILL)\nprint('forker survived')",
            ExecStatus.Ok, StdoutContains: "forker survived"),
        new("stop_the_forker_with_tgkill",
            "import ctypes, os, signal\nnr = {'x86_64': 234, 'aarch64': 131}[os.uname().machine]\nparent = os.getppid()\n" +
                "print(ctypes.CDLL(None).syscall(nr, parent, parent, signal.SIGSTOP))",
            ExecStatus.Ok, StdoutContains: "0"),
        new("signal_the_forker_through_a_pidfd",
            "import os, signal\nsignal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)", ExecStatus.Error, StderrContains: "PermissionError"),
        new("join_the_forkers_group", "import os\nos.setpgid(0, os.getppid())", ExecStatus.Error, StderrContains: "PermissionError"),
        new("kill_itself", "import os\nos.kill(os.getpid(), 9)", ExecStatus.Killed),
        new("double_fork_daemon",
            "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        while True:\n            time.sleep(0.01)\n" +
                "    os._exit(0)\nprint('parent done')",
            ExecStatus.Ok, StdoutContains: "parent done"),
        new("zombies", "import os\nfor _ in range(30):\n    if os.fork() == 0:\n        os._exit(0)\nprint('made zombies')",
            ExecStatus.Ok, StdoutContains: "made zombies"),
        new("sys_exit_zero_midway", "import sys\nprint('answer 42')\nsys.exit(0)\nprint('never')", ExecStatus.Ok, StdoutContains: "answer 42"),
        new("sys_exit_with_message", "import sys\nsys.exit('giving up')", ExecStatus.Error, StderrContains: "giving up"),
        new("os_exit_code", "import os\nos._exit(7)", ExecStatus.Error),
        new("deep_recursion", "def f(n):\n    return f(n + 1)\nf(0)", ExecStatus.Error, StderrContains: "RecursionError"),
        new("segfault", "import ctypes\nctypes.string_at(0)", ExecStatus.Killed),
        new("read_stdin", "print(input())", ExecStatus.Error, StderrContains: "EOFError"),
        new("huge_integer", "x = 7 ** (10 ** 9)\nprint(x % 10)", ExecStatus.Timeout),
        new("sympy_never_returns",
            "import sympy\nn = sympy.nextprime(10 ** 40) * sympy.nextprime(10 ** 41)\nprint(sympy.factorint(n))", ExecStatus.Timeout),
        new("signal_handler_abuse",
            "import signal\nfor s in (signal.SIGXCPU, signal.SIGTERM, signal.SIGALRM, signal.SIGVTALRM, signal.SIGINT):\n" +
                "    signal.signal(s, lambda *a: None)\nsignal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)\nwhile True:\n    pass",
            ExecStatus.Timeout),
        new("close_inherited_descriptors",
            "import os\nfor fd in range(3, 1024):\n    try:\n        os.write(fd, b'\\x00\\x00\\x00\\x05junk!')\n    except OSError:\n        pass\n" +
                "os.closerange(0, 1024)",
            ExecStatus.Ok),
        new("raise_own_limits", "import resource\nresource.setrlimit(resource.RLIMIT_CPU, (1000, 1000))", ExecStatus.Error, StderrContains: "ValueError"),
        new("locked_scratch_leftovers", "import os\nos.makedirs('a/b/c')\nopen('a/b/c/f', 'w').write('x')\nos.chmod('a/b', 0)\nos.chmod('a', 0)\n" +
            "print('locked')",
            ExecStatus.Ok, StdoutContains: "locked"),
        new("leave_an_entry_in_every_writable_place",
            "import os\nfor place in ('/tmp', '/tmp/w', '/dev/shm', '/dev/mqueue'):\n" +
            "    os.close(os.open(place + '/left', os.O_CREAT | os.O_WRONLY, 0o600))\n" +
            "os.makedirs('/dev/shm/a/b')\nos.chmod('/dev/shm/a', 0)\nprint('left')", ExecStatus.Ok, StdoutContains: "left"),
        new("fill_dev_shm",
            "import itertools\nfor i in itertools.count():\n    with open('/dev/shm/fill%d' % i, 'wb') as f:\n" +
            "        for _ in range(8):\n            f.write(b'0' * (1 << 20))",
            ExecStatus.Error, StderrContains: "No space left on device"),
        new("leave_ipc_objects_open",
            "import ctypes, mmap, os, time\nlibc = ctypes.CDLL(None)\n" +
            "fd = libc.shm_open(b'/left', os.O_CREAT | os.O_RDWR, 0o600)\nos.ftruncate(fd, 1 << 20)\n" +
            "mapped = mmap.mmap(fd, 1 << 20)\nq = libc.mq_open(b'/left', os.O_CREAT | os.O_RDWR, 0o600, None)\n" +
            "ids = [libc.shmget(0x51a5, 1 << 20, 0o1600), libc.msgget(0x51a5, 0o1600), libc.semget(0x51a5, 1, 0o1600)]\n" +
            "if os.fork() == 0:\n    os.setsid()\n    time.sleep(10 ** 6)\nprint('left open', min([fd, q] + ids) >= 0)",
            ExecStatus.Ok, StdoutContains: "left open True"),
        new("exception_keeps_traceback_tail", "def g():\n    raise ZeroDivisionError('boom')\ng()",
            ExecStatus.Error, StderrContains: "ZeroDivisionError: boom"),
    ];
}
