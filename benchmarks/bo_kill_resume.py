"""End-to-end check of Bayesian optimisation on real training: a short search, a SIGKILL, a resume.

    .venv/bin/python benchmarks/bo_kill_resume.py [--dir DIR] [--rounds 10] [--kill-at 12]
                                                  [--resume-to 16]

1. ``driver.py configs/cnn_digits_bo.py --rounds 10`` (two Ray workers, real Digits training) into
   a fresh checkpoint directory; prints how many points it recorded and its last line (the
   in-bounds count and the best point within bounds).
2. The same search resumed towards ``--resume-to`` rounds with ``--load-from``, killed with
   SIGKILL (the driver's whole session, Ray included) once ``--kill-at`` points are recorded.
3. Resumed again to ``--resume-to`` rounds; prints whether every point recorded before the kill
   is in the final state, unchanged.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from search_algorithms.state import read_state  # noqa: E402

NAME = "bo_check"


def recorded(state_path) -> dict:
    """Every evaluated point in the snapshot and the journal, by id."""
    snapshot, events = read_state(state_path, algorithm="bayesian_optimisation")
    points = {p["id"]: p for p in snapshot["points"]}
    points.update({e["point"]["id"]: e["point"] for e in events if e["event"] == "result"})
    return points


def driver(directory, log, *args):
    return subprocess.Popen([sys.executable, "driver.py", "configs/cnn_digits_bo.py", "--name", NAME,
                             "--checkpoint-dir", directory, *args], cwd=ROOT,
                            stdout=open(log, "w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def last_line(log) -> str:
    with open(log) as f:
        return f.read().strip().splitlines()[-1]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", help="checkpoint directory (default: a fresh temporary one)")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--kill-at", type=int, default=12)
    p.add_argument("--resume-to", type=int, default=16)
    a = p.parse_args()
    directory = a.dir or tempfile.mkdtemp(prefix="bo_check_")
    os.makedirs(directory, exist_ok=True)
    state = os.path.join(directory, f"{NAME}_bo_search_state.json")
    logs = [os.path.join(directory, f"run{i}.log") for i in (1, 2, 3)]

    start = time.time()
    rc = driver(directory, logs[0], "--rounds", str(a.rounds)).wait()
    print(f"1. --rounds {a.rounds}: exit {rc}, {len(recorded(state))} points recorded, "
          f"{time.time() - start:.0f} s\n   {last_line(logs[0])}", flush=True)

    proc = driver(directory, logs[1], "--rounds", str(a.resume_to), "--load-from", state)
    while len(recorded(state)) < a.kill_at and proc.poll() is None:
        time.sleep(0.5)
    before = recorded(state)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    print(f"2. SIGKILL (driver and Ray) with {len(before)} points recorded: ids {sorted(before)}",
          flush=True)
    time.sleep(3)

    rc = driver(directory, logs[2], "--rounds", str(a.resume_to), "--load-from", state).wait()
    after = recorded(state)
    kept = [i for i in before if after.get(i) == before[i]]
    print(f"3. resumed to {a.resume_to}: exit {rc}, {len(after)} points; {len(kept)} of the "
          f"{len(before)} points recorded before the kill kept unchanged\n   {last_line(logs[2])}")
    print(f"state: {state}")


if __name__ == "__main__":
    main()
