"""Runs many oracle programs in one process: argv[1] is a JSON list of program texts, argv[2] receives a JSON list of
{"stdout", "error"} in the same order. Each program runs in fresh globals with its stdout captured."""
import contextlib
import io
import json
import signal
import sys


def _timeout(signum, frame):
    raise TimeoutError("program ran longer than 5 s")


def run(source):
    out = io.StringIO()
    error = None
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(5)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<oracle>", "exec"), {"__name__": "__main__"})
    except BaseException as e:  # noqa: BLE001 - every failure is reported, none stops the batch
        error = "%s: %s" % (type(e).__name__, e)
    finally:
        signal.alarm(0)
    return {"stdout": out.getvalue(), "error": error}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        programs = json.load(f)
    results = [run(p) for p in programs]
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
