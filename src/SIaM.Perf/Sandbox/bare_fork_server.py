# The physical limit the warm pool is compared with in `siam bench sandbox`: the same image, the same pre-imports, a
# fork per program with pipe capture, and nothing else (no limits, no protocol, no scratch wipe, no kill loop).
# Reads {"workers": W, "programs": [...]} on stdin; W forked servers take every W-th program; prints one JSON object
# {"seconds": wall time from the first fork to the last reply, "results": [{"ok", "stdout", "duration_ms"}, ...]}.
import json
import os
import select
import sys
import time

os.environ.update({"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})

import math, fractions, decimal, itertools, functools, collections, random, re, statistics  # noqa: E401,E402
import numpy  # noqa: E402
import sympy  # noqa: E402

sympy.simplify(sympy.Rational(1, 3) + sympy.sqrt(8))
sympy.solve(sympy.Symbol("x") ** 2 - 4)


def run_one(code):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        sys.stdout = open(1, "w", closefd=False)
        status = 0
        try:
            exec(compile(code, "program.py", "exec"), {"__name__": "__main__"})
        except BaseException:
            status = 1
        sys.stdout.flush()
        os._exit(status)
    os.close(out_w)
    os.close(err_w)
    out = bytearray()
    open_fds = {out_r, err_r}
    while open_fds:
        for fd in select.select(list(open_fds), [], [])[0]:
            data = os.read(fd, 65536)
            if not data:
                open_fds.discard(fd)
            elif fd == out_r:
                out += data
    _, status = os.waitpid(pid, 0)
    os.close(out_r)
    os.close(err_r)
    return {"ok": status == 0, "stdout": out.decode("utf-8", "replace"), "duration_ms": (time.monotonic() - start) * 1000}


def serve(indexes, programs, fd):
    results = {i: run_one(programs[i]) for i in indexes}
    payload = json.dumps(results).encode("utf-8")
    while payload:
        payload = payload[os.write(fd, payload):]
    os._exit(0)


def main():
    request = json.load(sys.stdin)
    programs, workers = request["programs"], request["workers"]
    import gc
    gc.collect()
    gc.freeze()
    started = time.monotonic()
    pipes = {}
    for k in range(workers):
        r, w = os.pipe()
        if os.fork() == 0:
            os.close(r)
            serve(range(k, len(programs), workers), programs, w)
        os.close(w)
        pipes[r] = bytearray()
    open_fds = set(pipes)
    while open_fds:
        for fd in select.select(list(open_fds), [], [])[0]:
            data = os.read(fd, 1 << 20)
            if data:
                pipes[fd] += data
            else:
                open_fds.discard(fd)
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    seconds = time.monotonic() - started
    merged = {}
    for data in pipes.values():
        merged.update(json.loads(data))
    print(json.dumps({"seconds": seconds, "results": [merged[str(i)] for i in range(len(programs))]}))


main()
