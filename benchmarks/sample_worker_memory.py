"""Run a command (a search) and sample the resident memory of its Ray evaluator workers.

    .venv/bin/python benchmarks/sample_worker_memory.py [--every S] -- COMMAND [ARGS...]

e.g. ``-- .venv/bin/python driver.py configs/cnn_digits_aging.py --rounds 60 --checkpoint-dir D``.
Every ``--every`` seconds (default 5) it reads the RSS of each process started by the command
(its descendants: a local Ray's workers are) whose command line names the evaluator actor
(``_RemoteEvaluator``); at the end it prints, per worker, the first, median,
last and largest figure, the slope over the second half of its samples (MiB per minute) and
every 12th sample. A worker whose memory stays flat over a search has a slope near 0.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

import numpy as np
import psutil

MiB = 2 ** 20


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--every", type=float, default=5.0)
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not command:
        p.error("give the command to run after --")
    proc = subprocess.Popen(command)
    samples: dict = {}
    start = time.time()
    while proc.poll() is None:
        try:
            descendants = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for q in descendants:
            try:
                if "_RemoteEvaluator" in " ".join(q.cmdline() or []):
                    samples.setdefault(q.pid, []).append((time.time() - start,
                                                          q.memory_info().rss / MiB))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        time.sleep(a.every)
    print(f"command exit status {proc.returncode}, {time.time() - start:.0f} s")
    for pid, s in samples.items():
        t = np.array([x for x, _ in s])
        r = np.array([y for _, y in s])
        half = len(r) // 2
        slope = np.polyfit(t[half:], r[half:], 1)[0] * 60 if len(r) - half > 1 else float("nan")
        print(f"worker {pid}: {len(r)} samples over {t[-1] - t[0]:.0f} s; first {r[0]:.0f} MiB, "
              f"median {statistics.median(r):.0f}, last {r[-1]:.0f}, max {r.max():.0f}; "
              f"slope over the second half {slope:.2f} MiB/min")
        print("  every 12th sample (MiB):", " ".join(f"{x:.0f}" for x in r[::12]))


if __name__ == "__main__":
    sys.exit(main())
