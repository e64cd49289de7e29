"""The sympy baseline of the grader benchmark: parse both sides, equal when simplify(a - b) == 0.

Usage: /usr/bin/python3 sympy_baseline.py PAIRS.jsonl [CPU_SECONDS]
Prints one JSON object: pairs, seconds (CPU seconds of this process), pairs_per_second (per CPU-second, i.e. per core),
equal (how many pairs it judged equal).
The pairs are given to sympy in sympy syntax (sympy's LaTeX parser needs antlr4), so the baseline does not pay for
LaTeX parsing: a baseline that favours sympy.
"""
import json
import sys
import time

import sympy


def judge(a, b):
    try:
        return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0
    except Exception:
        return False


def main():
    pairs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    judge("1", "1")  # warm-up: imports and caches
    sympy.core.cache.clear_cache()
    done, equal, start = 0, 0, time.process_time()
    while True:
        for p in pairs:
            equal += judge(p["sympy_prediction"], p["sympy_reference"])
            done += 1
        sympy.core.cache.clear_cache()  # every pass is a cold pass, as a new eval's pairs would be
        elapsed = time.process_time() - start
        if elapsed >= budget:
            break
    print(json.dumps({"pairs": done, "seconds": elapsed, "pairs_per_second": done / elapsed, "equal": equal}))


if __name__ == "__main__":
    main()
