# SIaM sandbox worker: runs as PID 1 of a locked-down container and answers the host's requests; one child per program
# runs under rlimits. Protocol: frames of a 4-byte big-endian length and a UTF-8 JSON object, on the host's unix socket
# when the host shares one through a bind mount (local engines: the frames then skip dockerd and the container shim),
# else on the container's stdin/stdout. Request {"id", "code", "cpu", "wall", "out", "err", "mem", "fsize"}; the reply
# carries {"id", "status", "exit_code", "stdout", "stderr", "duration_ms", "truncated", "recycle"} ("recycle": a
# writable place could not be wiped or the forking process was lost, so the host replaces this container) and
# "idle_ms"/"busy_ms" (how long the worker waited for this request after its previous reply, and how long it then took
# to answer: the host reports the idle share, which says whether the host keeps the worker fed). A request with "ping"
# is answered {"id", "pong": true} once the imports are done. The host going away (the channel or stdin closing) ends
# the worker, and the container auto-removes. The host may send the next request while a program runs (it is buffered
# and answered in order).
#
# Two processes, because fork is what costs here. After every fork each page either process writes first costs a
# copy-on-write fault, and the process that forks is the one holding sympy and numpy. So:
# - the front (PID 1, no heavy imports) does everything that writes memory: the protocol, output capture, verdicts,
#   the scratch wipe and the clean-up; it never forks a program;
# - the forker (its child) pre-imports the heavy modules and only receives a program with its two pipe ends over a
#   socket pair, forks it, reaps it and sends back the wait status and CPU times. It writes almost nothing between forks.
# A program cannot signal the forker: the forker installs a seccomp filter, inherited by every program, that drops any
# signal aimed at it (as the kernel does for PID 1) and makes kill(-1) find nothing, so "kill everything" and "kill my
# parent" behave as they did when PID 1 forked the programs itself. Should the forker die anyway, the next request
# starts a new one; the program that ran gets "memory" and a recycle when the OOM killer took the forker, and otherwise
# a sandbox failure (not its doing: the host retries it elsewhere).
#
# Every program starts from the same empty state: after each program (and at start) the front empties every place a
# program can write that outlives it. The scratch tmpfs (/tmp, holding the working directory /tmp/w), /dev/shm (POSIX
# shared memory and semaphores) and /dev/mqueue (POSIX message queues) are emptied, and the System V shared memory
# segments, message queues and semaphore sets of the container's IPC namespace are removed. Nothing else is writable
# (see docs/sandbox-state.md; a test walks the container's mounts to keep it so).
import ctypes
import json
import os
import platform
import resource
import select
import signal
import socket
import stat
import struct
import sys
import time

SCRATCH_ROOT = "/tmp"
WORK_DIR = "/tmp/w"
IPC_DIRS = ("/dev/shm", "/dev/mqueue")  # writable by every user (mode 1777); absent ones are skipped
IPC_RMID = 0
SYSV_INFO = ctypes.create_string_buffer(128)  # a struct shm_info, msginfo or seminfo, filled by SHM/MSG/SEM_INFO
# Per System V kind: the *_INFO call, the offset of its count of existing objects in SYSV_INFO (shm_info.used_ids,
# msginfo.msgpool, seminfo.semusz), the /proc table naming them, and how to remove one.
SYSV_IPC = ((lambda: LIBC.shmctl(0, 14, SYSV_INFO), 0, "/proc/sysvipc/shm", lambda id_: LIBC.shmctl(id_, IPC_RMID, None)),
            (lambda: LIBC.msgctl(0, 12, SYSV_INFO), 0, "/proc/sysvipc/msg", lambda id_: LIBC.msgctl(id_, IPC_RMID, None)),
            (lambda: LIBC.semctl(0, 0, 19, SYSV_INFO), 28, "/proc/sysvipc/sem", lambda id_: LIBC.semctl(id_, 0, IPC_RMID)))
CHUNK = 65536
STDERR_HARD_CAP = 1 << 20
MAX_BUFFERED_INPUT = 256 << 20
PROGRAM_HEADER = struct.Struct(">dqqI")  # cpu seconds, memory MiB, file size limit, code length
OUTCOME = struct.Struct(">iidd")  # errno of a failed fork (0 when it ran), wait status, user and system CPU seconds
LIBC = ctypes.CDLL(None, use_errno=True)
LIBC.prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4


def fail_start(message):
    sys.stderr.write("siam worker: %s\n" % message)
    sys.exit(70)


if os.getpid() != 1:
    fail_start("must run as PID 1 of its own container (its clean-up kills every other process it can see)")
# A program must not be able to trace or reopen our descriptors through /proc; inherited by the forker and programs.
LIBC.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0


# ---------------------------------------------------------------------------------------------------------- forker
def seccomp_filter(forker_pid):
    """BPF for seccomp: signals aimed at the forker (kill, tkill, tgkill, rt_(tg)sigqueueinfo on its pid, kill on its
    process group) succeed without effect, kill(-1) fails with ESRCH, pidfd_send_signal with EPERM; foreign ABIs die."""
    machine = platform.machine()
    if machine == "x86_64":
        arch, nr = 0xC000003E, {"kill": 62, "tkill": 200, "tgkill": 234, "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297}
    elif machine == "aarch64":
        arch, nr = 0xC00000B7, {"kill": 129, "tkill": 130, "tgkill": 131, "rt_sigqueueinfo": 138, "rt_tgsigqueueinfo": 240}
    else:
        fail_start("no seccomp syscall table for %s" % machine)
    pidfd_send_signal = 424  # the same on both
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, errno, kill_process = 0x7FFF0000, 0x00050000, 0x80000000
    arg0 = 16  # low 32 bits of args[0] in struct seccomp_data (little-endian): pid_t
    group = (-forker_pid) & 0xFFFFFFFF
    # (code, jump-if-true label, jump-if-false label, k); labels resolve to relative offsets below
    prog = [
        (ld, None, None, 4), (jeq, None, "foreign", arch),
        (ld, None, None, 0), (jge, "foreign", None, 0x40000000),  # x32 syscall numbers
        (jeq, "kill", None, nr["kill"]),
        (jeq, "one", None, nr["tkill"]), (jeq, "one", None, nr["tgkill"]),
        (jeq, "one", None, nr["rt_sigqueueinfo"]), (jeq, "one", None, nr["rt_tgsigqueueinfo"]),
        (jeq, "eperm", None, pidfd_send_signal),
        (ret, None, None, allow),
        ("kill", ld, None, None, arg0), (jeq, "drop", None, forker_pid), (jeq, "drop", None, group),
        (jeq, "esrch", None, 0xFFFFFFFF), (ret, None, None, allow),
        ("one", ld, None, None, arg0), (jeq, "drop", None, forker_pid), (ret, None, None, allow),
        ("drop", ret, None, None, errno | 0),
        ("esrch", ret, None, None, errno | 3),
        ("eperm", ret, None, None, errno | 1),
        ("foreign", ret, None, None, kill_process),
    ]
    labels, plain = {}, []
    for ins in prog:
        if isinstance(ins[0], str):
            labels[ins[0]] = len(plain)
            ins = ins[1:]
        plain.append(ins)
    packed = b"".join(
        struct.pack("=HBBI", code, labels[jt] - i - 1 if jt else 0, labels[jf] - i - 1 if jf else 0, k)
        for i, (code, jt, jf, k) in enumerate(plain))
    return packed, len(plain)


def install_seccomp(forker_pid):
    packed, count = seccomp_filter(forker_pid)
    buffer = ctypes.create_string_buffer(packed, len(packed))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(count, ctypes.addressof(buffer))
    LIBC.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS (Docker's no-new-privileges sets it already)
    if LIBC.prctl(22, 2, ctypes.addressof(fprog), 0, 0) != 0:  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
        raise OSError(ctypes.get_errno(), "seccomp filter refused: %s" % os.strerror(ctypes.get_errno()))


def forker_main(sock):
    """Pre-imports, then forks one program per message until the front goes away. Runs as the front's child."""
    os.environ.update({"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
    import gc
    import math, fractions, decimal, itertools, functools, collections, random, re, statistics  # noqa: E401,F401
    import numpy
    import sympy

    sympy.simplify(sympy.Rational(1, 3) + sympy.sqrt(8))
    sympy.solve(sympy.Symbol("x") ** 2 - 4)
    os.setsid()  # its own session and group: a program (in a session of its own) can neither join nor signal it
    install_seccomp(os.getpid())
    statm = os.open("/proc/self/statm", os.O_RDONLY)
    page = os.sysconf("SC_PAGE_SIZE")
    nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    child_stdin = open(0, "r", closefd=False)
    child_stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    child_stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    sys.argv = ["program.py"]
    numpy.random.seed(0)  # the forker never draws, so every program starts from this state
    sock.sendall(json.dumps({"python": sys.version.split()[0], "sympy": sympy.__version__,
                             "numpy": numpy.__version__}).encode("utf-8"))
    gc.collect()
    gc.freeze()

    def run_program(code, limits, out_w, err_w):
        try:
            os.setsid()
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.closerange(3, nofile)  # close_range(2): one syscall
            os.chdir(WORK_DIR)
            for limit in limits:
                resource.setrlimit(*limit)
            sys.stdin, sys.stdout, sys.stderr = child_stdin, child_stdout, child_stderr
            random.seed(0)  # random reseeds itself from urandom in every forked child (os.register_at_fork)
            status = 0
            try:
                # compiled inside the try: a SyntaxError is the program's error, reported like any other
                code = compile(code, "program.py", "exec")
                exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
            except SystemExit as e:
                if e.code is None:
                    status = 0
                elif isinstance(e.code, int):
                    status = e.code & 0xFF
                else:
                    print(e.code, file=sys.stderr)
                    status = 1
            except BaseException as e:
                import traceback
                traceback.print_exception(type(e), e, e.__traceback__.tb_next)
                status = 1
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            os._exit(status)
        except BaseException:
            try:
                import traceback
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)

    while True:
        message, fds, _, _ = socket.recv_fds(sock, CHUNK, 2)
        if not message:
            os._exit(0)
        cpu_s, mem_mib, fsize, length = PROGRAM_HEADER.unpack_from(message)
        body = bytearray(message[PROGRAM_HEADER.size:])
        while len(body) < length:
            more = sock.recv(length - len(body))
            if not more:
                os._exit(0)
            body += more
        cpu = max(1, int(math.ceil(cpu_s)))
        address_space = int(os.pread(statm, 64, 0).split(None, 1)[0]) * page + mem_mib * 1024 * 1024
        limits = ((resource.RLIMIT_CPU, (cpu, cpu + 1)), (resource.RLIMIT_AS, (address_space, address_space)),
                  (resource.RLIMIT_FSIZE, (fsize, fsize)), (resource.RLIMIT_CORE, (0, 0)))
        try:
            pid = os.fork()
        except OSError as e:
            pid, failed = None, e.errno or 1
        if pid == 0:
            run_program(body.decode("utf-8"), limits, fds[0], fds[1])
        os.close(fds[0])
        os.close(fds[1])
        if pid is None:
            sock.sendall(OUTCOME.pack(failed, 0, 0.0, 0.0))
            continue
        _, wstatus, rusage = os.wait4(pid, 0)
        sock.sendall(OUTCOME.pack(0, wstatus, rusage.ru_utime, rusage.ru_stime))


# ----------------------------------------------------------------------------------------------------------- front
def frame_of(obj):
    payload = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return struct.pack(">I", len(payload)) + payload


def write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def open_channel():
    """(protocol in, protocol out, descriptor watched only for EOF). With SIAM_CHANNEL set, the host listens on that
    unix socket (bind-mounted from its machine): connect, present SIAM_CHANNEL_TOKEN, and speak there, watching stdin
    for the engine going away. When the socket cannot be reached (the engine runs in a VM, or the host in a container
    of its own) say so in a frame on stdout and speak on stdin/stdout."""
    path = os.environ.pop("SIAM_CHANNEL", None)
    token = os.environ.pop("SIAM_CHANNEL_TOKEN", "")
    if path:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
            sock.sendall(token.encode("ascii"))
            fd = sock.detach()
            return fd, fd, os.dup(0)
        except OSError as e:
            sock.close()
            write_all(1, frame_of({"id": 0, "channel": "stdio", "reason": "%s: %s" % (path, e.strerror or e)}))
    return os.dup(0), os.dup(1), None


PROTO_IN, PROTO_OUT, HOST_WATCH = open_channel()
HOST_FDS = [PROTO_IN] + ([] if HOST_WATCH is None else [HOST_WATCH])
INBUF = bytearray()
# As PID 1 of its namespace the kernel drops every default-action signal a program sends to the front, so Python's own
# handlers (SIGINT raises KeyboardInterrupt) go; the forker and the programs inherit the defaults.
for shielded in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
    signal.signal(shielded, signal.SIG_DFL)
devnull = os.open("/dev/null", os.O_RDWR)
os.dup2(devnull, 0)
os.dup2(devnull, 1)


def open_first(*paths):
    """A descriptor on the first readable cgroup file of paths (v2, then v1), re-read with pread; None if none is visible."""
    for path in paths:
        try:
            return os.open(path, os.O_RDONLY)
        except OSError:
            continue
    return None


OOM_FD = open_first("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")
PIDS_FD = open_first("/sys/fs/cgroup/pids.current", "/sys/fs/cgroup/pids/pids.current")


class Forker:
    """The pre-imported child that forks programs, and the front's end of the socket pair to it."""

    def __init__(self):
        front_end, forker_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.pid = os.fork()
        if self.pid == 0:
            front_end.close()
            for fd in {PROTO_IN, PROTO_OUT, *HOST_FDS}:
                os.close(fd)
            try:
                forker_main(forker_end)
            except BaseException as e:
                os.write(2, ("siam worker: the forker failed: %s: %s\n" % (type(e).__name__, e)).encode())
            os._exit(1)
        forker_end.close()
        self.sock = front_end
        hello = self.sock.recv(4096)
        if not hello:
            fail_start("the forker died while importing (see the container's stderr)")
        self.versions = json.loads(hello)

    def start(self, req, out_w, err_w):
        code = req["code"].encode("utf-8")
        message = PROGRAM_HEADER.pack(req["cpu"], req["mem"], req["fsize"], len(code)) + code
        sent = socket.send_fds(self.sock, [message[:CHUNK]], [out_w, err_w])
        self.sock.sendall(message[sent:])

    def outcome(self):
        """The program's (errno, wait status, user CPU, system CPU); None when the forker died."""
        data = self.sock.recv(OUTCOME.size, socket.MSG_WAITALL)
        return OUTCOME.unpack(data) if len(data) == OUTCOME.size else None

    def close(self):
        self.sock.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


FORKER = None


def forker():
    """The forker, started when there is none (at start, or after one was lost)."""
    global FORKER
    if FORKER is None:
        FORKER = Forker()
    return FORKER


def drop_forker():
    """Forgets a forker whose socket broke, killing it if it still lives."""
    global FORKER
    FORKER.close()
    FORKER = None


def host_input(fd):
    """Reads what the host has sent (the next request, perhaps while a program runs); EOF on the protocol or on the
    watched stdin means the host or the engine went away. Bytes on the watched stdin are not the protocol's: dropped."""
    chunk = os.read(fd, CHUNK)
    if not chunk or len(INBUF) + len(chunk) > MAX_BUFFERED_INPUT:
        kill_everything()
        sys.exit(0)
    if fd == PROTO_IN:
        INBUF.extend(chunk)


def buffered_frame():
    """(request, frame size) of the first frame in the buffer when all of it has arrived, else None; not taken out."""
    if len(INBUF) < 4:
        return None
    (length,) = struct.unpack_from(">I", INBUF)
    if len(INBUF) < 4 + length:
        return None
    return json.loads(INBUF[4:4 + length].decode("utf-8")), 4 + length


def read_frame():
    while (frame := buffered_frame()) is None:
        for fd in select.select(HOST_FDS, [], [])[0] if HOST_WATCH is not None else HOST_FDS:
            host_input(fd)
    del INBUF[:frame[1]]
    return frame[0]


def write_frame(obj):
    write_all(PROTO_OUT, frame_of(obj))


def oom_kills():
    """The container's OOM-kill count (cgroup v2 or v1); 0 when the cgroup files are not visible."""
    if OOM_FD is None:
        return 0
    data = os.pread(OOM_FD, 4096, 0)
    at = data.find(b"oom_kill ")
    return int(data[at + 9:data.find(b"\n", at)]) if at >= 0 else 0


def others():
    """Every process in the container but the front and a live forker."""
    spared = (1, FORKER.pid) if FORKER else (1,)
    return [pid for pid in (int(name) for name in os.listdir("/proc") if name.isdigit()) if pid not in spared]


def reap_orphans():
    """Reaps exited orphans (they are reparented to us, PID 1); notices a forker that died."""
    global FORKER
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if FORKER and pid == FORKER.pid:
            FORKER.sock.close()
            FORKER = None


def kill_everything():
    """SIGKILLs every process in the container but the front and the forker, and reaps the orphans; repeated until
    none is left, so a fork bomb cannot outrun one pass. The common case (nothing left) costs one read. A process we may
    not signal is not a program's (they cannot change uid): something entered with `docker exec` as another user,
    such as runc's own set-up of an exec. It is left alone."""
    expected = b"2\n" if FORKER else b"1\n"
    if PIDS_FD is not None and os.pread(PIDS_FD, 32, 0) == expected:
        return
    foreign = set()
    while True:
        reap_orphans()
        pids = [pid for pid in others() if pid not in foreign]
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            except PermissionError:
                foreign.add(pid)
        time.sleep(0.0005)


def remove_tree(top):
    """Removes a tree the program may have locked (chmod 0) or made deep; iterative, so depth cannot break it."""
    stack = [(top, False)]
    while stack:
        path, emptied = stack.pop()
        st = os.lstat(path)
        if not stat.S_ISDIR(st.st_mode):
            os.unlink(path)
        elif emptied:
            os.rmdir(path)
        else:
            os.chmod(path, 0o700)
            stack.append((path, True))
            stack.extend((os.path.join(path, name), False) for name in os.listdir(path))


def scratch_is_clean():
    """True when the scratch holds only the empty work directory with its own mode (the common case: 3 syscalls)."""
    try:
        return os.listdir(SCRATCH_ROOT) == ["w"] and not os.listdir(WORK_DIR) and stat.S_IMODE(os.lstat(WORK_DIR).st_mode) == 0o700
    except OSError:
        return False


def wipe_scratch():
    """Empties the scratch tmpfs; False when something could not be removed."""
    if scratch_is_clean():
        return True
    clean = True
    for entry in os.listdir(SCRATCH_ROOT):
        try:
            remove_tree(os.path.join(SCRATCH_ROOT, entry))
        except OSError:
            clean = False
    try:
        os.mkdir(WORK_DIR, 0o700)
    except OSError:
        clean = False
    return clean


def wipe_ipc_dirs():
    """Empties /dev/shm and /dev/mqueue (one listing each when already empty); False when an entry stays."""
    clean = True
    for top in IPC_DIRS:
        try:
            entries = os.listdir(top)
        except FileNotFoundError:
            continue
        except OSError:
            return False
        for entry in entries:
            try:
                remove_tree(os.path.join(top, entry))
            except OSError:
                clean = False
    return clean


def sysv_ids(table):
    """The ids (second column) of the System V objects listed in a /proc/sysvipc table; the header is skipped."""
    with open(table, "rb") as f:
        return [int(line.split()[1]) for line in f.read().splitlines()[1:] if line.strip()]


def wipe_sysv_ipc():
    """Removes every System V segment, queue and semaphore set of the container's IPC namespace (one call per kind when
    there is none). A program cannot hide one from us: the creator keeps the right to remove it whatever owner or mode
    it sets. A segment still attached would only go when its last user detaches, but every program is dead by now.
    False when one stays."""
    clean = True
    for info, offset, table, remove in SYSV_IPC:
        count = ctypes.c_int.from_buffer(SYSV_INFO, offset).value if info() >= 0 else -1
        if count == 0:
            continue
        try:
            ids = sysv_ids(table)
        except FileNotFoundError:
            clean = clean and count < 0  # -1 and no table: this kernel has no System V IPC
            continue
        except (OSError, ValueError, IndexError):
            return False
        for id_ in ids:
            if remove(id_) != 0:
                clean = False
    return clean


def wipe_writable_places():
    """Gives the next program the empty state every program starts from; False when something could not be removed
    (the host then recycles the container)."""
    return all([wipe_scratch(), wipe_ipc_dirs(), wipe_sysv_ipc()])


class Capture:
    """Collects a program's stdout (head kept) and stderr (tail kept) under their caps, and the forker's report of
    its end."""

    def __init__(self, out_r, err_r, out_cap, err_cap):
        self.out_r, self.err_r = out_r, err_r
        self.ended = False
        self.out_cap, self.err_cap = out_cap, err_cap
        self.out, self.err = bytearray(), bytearray()
        self.err_total = 0
        self.truncated = False
        self.over_limit = False
        self.open_fds = {out_r, err_r}

    def pump(self, timeout):
        """Waits up to timeout for output, the forker's report or host input; True when any output was read."""
        watched = list(self.open_fds) + HOST_FDS + ([] if self.ended else [FORKER.sock.fileno()])
        ready, _, _ = select.select(watched, [], [], timeout)
        got_output = False
        for fd in ready:
            if fd in HOST_FDS:
                host_input(fd)
                continue
            if fd not in self.open_fds:
                self.ended = True
                continue
            got_output = True
            data = os.read(fd, CHUNK)
            if not data:
                self.open_fds.discard(fd)
            elif fd == self.out_r:
                self.out += data
                if len(self.out) > self.out_cap:
                    del self.out[self.out_cap:]
                    self.truncated = self.over_limit = True
            else:
                self.err += data
                self.err_total += len(data)
                if len(self.err) > self.err_cap:
                    del self.err[: len(self.err) - self.err_cap]
                    self.truncated = True
                if self.err_total > STDERR_HARD_CAP:
                    self.over_limit = True
        return got_output


def verdict_of(outcome, cap, req, oom_before):
    """(status, exit code) from the forker's report; outcome None: the OOM killer took the forker while it ran."""
    if outcome is None:
        return "memory", None
    _, wstatus, utime, stime = outcome
    if os.WIFEXITED(wstatus):
        exit_code = os.WEXITSTATUS(wstatus)
        tail = cap.err.decode("utf-8", "replace").rstrip().rsplit("\n", 1)[-1]
        if exit_code == 0:
            return "ok", 0
        return ("memory" if "MemoryError" in tail.split(":", 1)[0] else "error"), exit_code
    sig = os.WTERMSIG(wstatus)
    if sig == signal.SIGXCPU or (sig == signal.SIGKILL and utime + stime >= req["cpu"]):
        return "timeout", 128 + sig
    if oom_kills() > oom_before:
        return "memory", 128 + sig
    return "killed", 128 + sig


class Program:
    """One program in the forker's hands, from the hand-over to its reply."""

    def __init__(self, req):
        self.req = req
        self.out_r, out_w = os.pipe()
        self.err_r, err_w = os.pipe()
        self.oom_before = oom_kills()
        self.start = time.monotonic()
        try:
            forker().start(req, out_w, err_w)
        except OSError:  # the forker is gone (the socket broke): start a new one for the next program
            os.close(self.out_r)
            os.close(self.err_r)
            drop_forker()
            raise RuntimeError("the forker died before the program started")
        finally:
            os.close(out_w)
            os.close(err_w)

    def finish(self):
        """Captures until the program ends or breaks a limit, then cleans up and returns the reply."""
        req = self.req
        deadline = self.start + req["wall"]
        cap = Capture(self.out_r, self.err_r, req["out"], req["err"])
        verdict = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                verdict = "timeout"
                break
            cap.pump(remaining)
            if cap.over_limit:
                verdict = "output_limit"
                break
            if cap.ended:
                # Descendants may still hold the pipes open: take what is already there, then stop.
                while cap.open_fds and cap.pump(0) and not cap.over_limit:
                    pass
                break
        duration_ms = (time.monotonic() - self.start) * 1000.0
        if not cap.ended:
            kill_everything()  # the program and all it started; the forker then reaps it and reports
        outcome = FORKER.outcome()
        kill_everything()
        os.close(self.out_r)
        os.close(self.err_r)
        if outcome is not None and outcome[0]:
            raise OSError(outcome[0], "fork failed: %s" % os.strerror(outcome[0]))
        forker_lost = outcome is None
        if forker_lost:
            drop_forker()
            kill_everything()
            if oom_kills() == self.oom_before:  # not the program's doing: it cannot signal the forker
                raise RuntimeError("the forker died while the program ran")
        status, exit_code = verdict_of(outcome, cap, req, self.oom_before)
        return {
            "recycle": forker_lost or not wipe_writable_places(),
            "id": req["id"],
            "status": verdict or status,
            "exit_code": None if verdict else exit_code,
            "stdout": cap.out.decode("utf-8", "replace"),
            "stderr": cap.err.decode("utf-8", "replace"),
            "duration_ms": round(duration_ms, 3),
            "truncated": cap.truncated,
        }


def failure_reply(req, error):
    """A worker bug is a sandbox failure, never a verdict about the program."""
    kill_everything()
    return {"id": req.get("id"), "status": "sandbox_failure", "exit_code": None, "stdout": "",
            "stderr": "worker: %s: %s" % (type(error).__name__, error), "duration_ms": 0, "truncated": False}


def launch(req):
    """The running program, or the failure reply when it could not be handed to the forker."""
    try:
        return Program(req)
    except Exception as e:
        return failure_reply(req, e)


def finish(program):
    if isinstance(program, dict):
        return program
    try:
        return program.finish()
    except Exception as e:
        return failure_reply(program.req, e)


def buffered_request():
    """The next program request when the host has already sent all of it (taken from the buffer), else None."""
    frame = buffered_frame()
    if frame is None or frame[0].get("ping"):
        return None
    del INBUF[:frame[1]]
    return frame[0]


def main():
    wipe_writable_places()
    forker()
    answered = None  # when the previous reply went out; None before the first program (waiting for work is not idling)
    running = None  # (request, when it was taken, seconds idle before it, Program or failure reply)
    while True:
        if running is None:
            req = read_frame()
            received = time.monotonic()
            if req.get("ping"):
                write_frame(dict(forker().versions, id=req["id"], pong=True, pid=os.getpid()))
                answered = None
                continue
            running = (req, received, 0.0 if answered is None else received - answered, launch(req))
        req, received, idle, program = running
        reply = finish(program)
        running = None
        # The clean-up is done, so the next program (already here) starts before this reply is encoded and written.
        if reply["status"] != "sandbox_failure" and not reply["recycle"]:
            queued = buffered_request()
            if queued is not None:
                running = (queued, time.monotonic(), 0.0, launch(queued))
        reply["idle_ms"] = round(idle * 1000.0, 3)
        reply["busy_ms"] = round((time.monotonic() - received) * 1000.0, 3)
        write_frame(reply)
        answered = time.monotonic()


main()
