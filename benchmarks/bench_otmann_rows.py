"""Benchmark: CPU time of one candidate's OTMANN distance row against a history (what a BO ask
computes once per candidate), best of several repeats, so that a busy shared machine disturbs it
less than a whole ask.

    .venv/bin/python benchmarks/bench_otmann_rows.py [--history 200] [--candidates 40]
                                                     [--repeats 5] [--root DIR]...

``--root`` (repeatable) names source trees to compare (e.g. a ``git archive`` of an older
commit); each is measured in its own process, alternately, ``--rounds`` times. The checksum
(sum of the rows' first distance) must agree between trees.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MEASURE = r"""
import os, sys, time
sys.path.insert(0, {root!r})
import numpy as np
from cnn import CnnSearchSpace
from dragonfly_adapters.network import CandidateNetwork
from dragonfly_adapters.kernel import distance_computer
space = CnnSearchSpace()
space.input_shape, space.num_classes = (8, 8, 1), 10
rng = np.random.default_rng(0)
hist = [CandidateNetwork(space.random_architecture(rng), space) for _ in range({history})]
cands = [CandidateNetwork(space.random_architecture(rng), space) for _ in range({candidates})]
d = distance_computer()
batch = d.prepare(hist)
for c in cands:
    c.features
best, out = float("inf"), None
for _ in range({repeats}):
    t = time.process_time()
    out = [d.rows(c, batch) for c in cands]
    best = min(best, time.process_time() - t)
print(f"{{best / len(cands) * 1e3:.2f}} {{sum(float(o[0].sum()) for o in out):.9e}}")
"""


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--history", type=int, default=200)
    p.add_argument("--candidates", type=int, default=40)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--root", action="append", default=None)
    a = p.parse_args()
    roots = a.root or [ROOT]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", PYTHONDONTWRITEBYTECODE="1")
    print(f"load average: {os.getloadavg()}")
    print(f"CPU ms per candidate row against {a.history} networks (best of {a.repeats}), "
          f"{a.candidates} random candidates")
    for r in range(a.rounds):
        for root in roots:
            code = MEASURE.format(root=os.path.abspath(root), history=a.history,
                                  candidates=a.candidates, repeats=a.repeats)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 env=env, check=True).stdout.split()
            print(f"round {r + 1}  {root:40s} {float(out[0]):7.2f} ms  checksum {out[1]}",
                  flush=True)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
