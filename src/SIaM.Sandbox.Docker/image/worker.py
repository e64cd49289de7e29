# SIaM sandbox worker: runs as PID 1 of a locked-down container, pre-imports the heavy modules once, and forks one
# child per program under rlimits. Protocol on the container's stdin/stdout: frames of a 4-byte big-endian length and
# a UTF-8 JSON object. Request {"id", "code", "cpu", "wall", "out", "err", "mem", "fsize"}; the reply carries
# {"id", "status", "exit_code", "stdout", "stderr", "duration_ms", "truncated", "recycle"} ("recycle": the scratch
# could not be wiped, so the host replaces this container) and "idle_ms"/"busy_ms" (how long the worker waited for this
# request after its previous reply, and how long it then took to answer: the host reports the idle share, which says
# whether the host keeps the worker fed). A request with "ping" is answered {"id", "pong": true}
# once the imports are done. Stdin closing (the host went away) ends the worker, and the container auto-removes.
# The host may send the next request while a program runs (it is buffered and answered in order), so no round trip
# sits between two programs. The child's exit is waited for on a pidfd: no polling.
# Cost model (measured with page-fault counts): after every fork each page either process writes first costs a
# copy-on-write fault, so everything that can be prepared once is prepared in the worker before the first fork (child
# stdio objects, seeded random states, argv) and the child does only syscalls before exec of the program.
import ctypes
import gc
import json
import os
import resource
import select
import signal
import stat
import struct
import sys
import time

os.environ.update({"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})

import math, fractions, decimal, itertools, functools, collections, random, re, statistics  # noqa: E401,E402
import numpy  # noqa: E402
import sympy  # noqa: E402

sympy.simplify(sympy.Rational(1, 3) + sympy.sqrt(8))
sympy.solve(sympy.Symbol("x") ** 2 - 4)

SCRATCH_ROOT = "/tmp"
WORK_DIR = "/tmp/w"
PROTO_IN = os.dup(0)
PROTO_OUT = os.dup(1)
CHUNK = 65536
STDERR_HARD_CAP = 1 << 20
MAX_BUFFERED_INPUT = 256 << 20
INBUF = bytearray()

# A program must not be able to signal, trace or reopen the worker's descriptors through /proc.
try:
    ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
except Exception:  # pragma: no cover
    pass
# As PID 1 of its namespace the kernel drops every default-action signal a program sends to the worker, so nothing
# needs SIG_IGN (which children would inherit and have to undo); elsewhere (tests) the worker ignores them itself.
IS_INIT = os.getpid() == 1
SHIELDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2)
for sig in SHIELDED:
    signal.signal(sig, signal.SIG_DFL if IS_INIT else signal.SIG_IGN)
devnull = os.open("/dev/null", os.O_RDWR)
os.dup2(devnull, 0)
os.dup2(devnull, 1)
STATM = os.open("/proc/self/statm", os.O_RDONLY)
PAGE = os.sysconf("SC_PAGE_SIZE")
CHILD_STDIN = open(0, "r", closefd=False)
CHILD_STDOUT = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
CHILD_STDERR = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)


def read_exact(n):
    while len(INBUF) < n:
        chunk = os.read(PROTO_IN, max(CHUNK, n - len(INBUF)))
        if not chunk:
            sys.exit(0)
        INBUF.extend(chunk)
    data = bytes(INBUF[:n])
    del INBUF[:n]
    return data


def buffer_input():
    """Reads what the host has already sent (the next request) while a program runs; EOF means the host went away."""
    chunk = os.read(PROTO_IN, CHUNK)
    if not chunk or len(INBUF) + len(chunk) > MAX_BUFFERED_INPUT:
        kill_everything()
        sys.exit(0)
    INBUF.extend(chunk)


def read_frame():
    (length,) = struct.unpack(">I", read_exact(4))
    return json.loads(read_exact(length).decode("utf-8"))


def write_frame(obj):
    payload = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    data = struct.pack(">I", len(payload)) + payload
    while data:
        data = data[os.write(PROTO_OUT, data):]


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


def oom_kills():
    """The container's OOM-kill count (cgroup v2 or v1); 0 when the cgroup files are not visible."""
    if OOM_FD is None:
        return 0
    data = os.pread(OOM_FD, 4096, 0)
    at = data.find(b"oom_kill ")
    return int(data[at + 9:data.find(b"\n", at)]) if at >= 0 else 0


def alone():
    """True when the worker is the only process left in the container (cgroup pids.current), so nothing needs killing."""
    return PIDS_FD is not None and os.pread(PIDS_FD, 32, 0) == b"1\n"


def vm_size_bytes():
    return int(os.pread(STATM, 64, 0).split(None, 1)[0]) * PAGE


def run_child(code, limits, out_w, err_w):
    try:
        os.setpgid(0, 0)
        if not IS_INIT:
            for sig in SHIELDED:
                signal.signal(sig, signal.SIG_DFL)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.closerange(3, NOFILE)  # close_range(2): one syscall
        os.chdir(WORK_DIR)
        for limit in limits:
            resource.setrlimit(*limit)
        sys.stdin, sys.stdout, sys.stderr = CHILD_STDIN, CHILD_STDOUT, CHILD_STDERR
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
        try:
            sys.stdout.flush()
        except BaseException:
            pass
        try:
            sys.stderr.flush()
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
    """Empties the scratch tmpfs; False when something could not be removed (the host then recycles the container)."""
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


def kill_everything():
    """SIGKILLs every other process in the container (orphans are reparented to us, PID 1) and reaps them all.
    Repeated until none is left, so a fork bomb cannot outrun a single kill(-1)."""
    if alone():
        return
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                break
        time.sleep(0.0005)


class Capture:
    """Collects a program's stdout (head kept) and stderr (tail kept) under their caps."""

    def __init__(self, out_r, err_r, out_cap, err_cap, pidfd):
        self.out_r, self.err_r, self.pidfd = out_r, err_r, pidfd
        self.exited = False
        self.out_cap, self.err_cap = out_cap, err_cap
        self.out, self.err = bytearray(), bytearray()
        self.err_total = 0
        self.truncated = False
        self.over_limit = False
        self.open_fds = {out_r, err_r}

    def pump(self, timeout):
        """Waits up to timeout for output, the child's exit or host input; True when any output was read."""
        watched = list(self.open_fds) + [PROTO_IN] + ([] if self.exited else [self.pidfd])
        ready, _, _ = select.select(watched, [], [], timeout)
        got_output = False
        for fd in ready:
            if fd == PROTO_IN:
                buffer_input()
                continue
            if fd == self.pidfd:
                self.exited = True
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


def run(req):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    oom_before = oom_kills()
    start = time.monotonic()
    cpu = max(1, int(math.ceil(req["cpu"])))
    address_space = vm_size_bytes() + req["mem"] * 1024 * 1024
    limits = ((resource.RLIMIT_CPU, (cpu, cpu + 1)), (resource.RLIMIT_AS, (address_space, address_space)),
              (resource.RLIMIT_FSIZE, (req["fsize"], req["fsize"])), (resource.RLIMIT_CORE, (0, 0)))
    code = req["code"]
    pid = os.fork()
    if pid == 0:
        run_child(code, limits, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    pidfd = os.pidfd_open(pid)
    deadline = start + req["wall"]
    cap = Capture(out_r, err_r, req["out"], req["err"], pidfd)
    verdict = None
    exit_info = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            verdict = "timeout"
            break
        cap.pump(remaining)
        if cap.over_limit:
            verdict = "output_limit"
            break
        if cap.exited:
            wpid, wstatus, rusage = os.wait4(pid, os.WNOHANG)
            if wpid == pid:
                exit_info = (wstatus, rusage)
                # Descendants may still hold the pipes open: take what is already there, then stop.
                while cap.open_fds and cap.pump(0) and not cap.over_limit:
                    pass
                break
            cap.exited = False  # not reaped yet (cannot happen once the pidfd is readable; never spin on it)
    duration_ms = (time.monotonic() - start) * 1000.0
    if exit_info is None:
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        _, wstatus, rusage = os.wait4(pid, 0)
        exit_info = (wstatus, rusage)
    kill_everything()
    os.close(pidfd)
    os.close(out_r)
    os.close(err_r)
    wstatus, rusage = exit_info
    exit_code = None
    if verdict is None:
        if os.WIFEXITED(wstatus):
            exit_code = os.WEXITSTATUS(wstatus)
            tail = cap.err.decode("utf-8", "replace").rstrip().rsplit("\n", 1)[-1]
            if exit_code == 0:
                verdict = "ok"
            elif "MemoryError" in tail.split(":", 1)[0]:
                verdict = "memory"
            else:
                verdict = "error"
        else:
            sig = os.WTERMSIG(wstatus)
            exit_code = 128 + sig
            cpu_used = rusage.ru_utime + rusage.ru_stime
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and cpu_used >= req["cpu"]):
                verdict = "timeout"
            elif oom_kills() > oom_before:
                verdict = "memory"
            else:
                verdict = "killed"
    clean = wipe_scratch()
    return {
        "recycle": not clean,
        "id": req["id"],
        "status": verdict,
        "exit_code": exit_code,
        "stdout": cap.out.decode("utf-8", "replace"),
        "stderr": cap.err.decode("utf-8", "replace"),
        "duration_ms": round(duration_ms, 3),
        "truncated": cap.truncated,
    }


NOFILE = resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def main():
    wipe_scratch()
    sys.argv = ["program.py"]
    numpy.random.seed(0)  # the worker never draws, so every child starts from this state
    gc.collect()
    gc.freeze()
    answered = None  # when the previous reply went out; None before the first program (waiting for work is not idling)
    while True:
        req = read_frame()
        received = time.monotonic()
        if req.get("ping"):
            write_frame({"id": req["id"], "pong": True, "pid": os.getpid(), "python": sys.version.split()[0],
                         "sympy": sympy.__version__, "numpy": numpy.__version__})
            answered = None
            continue
        try:
            reply = run(req)
        except Exception as e:  # a worker bug is a sandbox failure, never a verdict about the program
            kill_everything()
            reply = {"id": req.get("id"), "status": "sandbox_failure", "exit_code": None, "stdout": "",
                     "stderr": "worker: %s: %s" % (type(e).__name__, e), "duration_ms": 0, "truncated": False}
        reply["idle_ms"] = 0.0 if answered is None else round((received - answered) * 1000.0, 3)
        reply["busy_ms"] = round((time.monotonic() - received) * 1000.0, 3)
        write_frame(reply)
        answered = time.monotonic()


main()
