"""Benchmark: a worker's resident memory against the number of candidates it has evaluated.

    .venv/bin/python benchmarks/bench_memory.py [--candidates N] [--epochs E] [--limit-mb MB]
                                                [--mode plain|replace|both] [--config PATH]

Runs ``--candidates`` random architectures (default 200) of the config's search space (default
``configs/cnn_digits_aging.py``) through the real evaluator (``CandidateEvaluator``: build, train,
score) in ONE Ray worker, and prints the worker's resident memory after each candidate, then the
first, median, last and largest figures and the slope (MiB per candidate, least squares) over the
second half. ``plain`` keeps one worker throughout; ``replace`` retires it before a candidate would
take it past ``--limit-mb`` (the search config's ``worker_memory_limit_mb``) and starts a fresh one,
as the search does. The candidates are the same in both modes (same seed). The goals (issue #12):
slope <= 1 MiB per candidate without replacement, or every worker below the limit with it.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

import driver  # noqa: E402
from search_algorithms.evaluator import CandidateEvaluator  # noqa: E402
from search_algorithms.points import Point  # noqa: E402
from search_algorithms.workers import RayPool, Recycling, start_ray  # noqa: E402

MiB = 2 ** 20


def slope(values) -> float:
    """Least-squares slope of ``values`` against their index."""
    if len(values) < 2:
        return 0.0
    return float(np.polyfit(np.arange(len(values)), np.asarray(values, float), 1)[0])


def run(config, candidates: int, epochs, recycling: Recycling, seed: int, every: int) -> dict:
    training = config["training_config"]
    if epochs:
        training = dataclasses.replace(training, epochs=epochs)
    space = config["search_config"].search_space
    space.input_shape, space.num_classes = training.dataset.input_shape, training.dataset.num_classes
    rng = np.random.default_rng(seed)
    points = [Point(id=i, arch=space.random_architecture(rng)) for i in range(candidates)]
    make = lambda: CandidateEvaluator(space, training, seed=seed, threads=1,  # noqa: E731
                                      keep_weights=True)
    pool = RayPool(make, 1, num_cpus=1, recycling=recycling)
    rss, pids, failed, start = [], [], 0, time.perf_counter()
    try:
        for point in points:
            pool.submit(point)
            outcome = None
            while outcome is None:
                outcome = pool.wait_any(timeout=5)
            if outcome.worker_lost:
                raise RuntimeError(f"the worker died: {outcome.worker_lost}")
            failed += not outcome.point.ok
            rss.append(outcome.worker_rss / MiB)
            pids.append(outcome.worker_pid)
            if (point.id + 1) % every == 0 or point.id == 0:
                print(f"  candidate {point.id + 1:4d}: {rss[-1]:7.0f} MiB (worker pid "
                      f"{outcome.worker_pid}, {time.perf_counter() - start:6.0f} s)", flush=True)
    finally:
        pool.shutdown()
    half = rss[len(rss) // 2:]
    return {"rss": rss, "first": rss[0], "median": statistics.median(rss), "last": rss[-1],
            "max": max(rss), "slope": slope(half), "workers": len(dict.fromkeys(pids)),
            "failed": failed, "seconds": time.perf_counter() - start}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidates", type=int, default=200)
    ap.add_argument("--epochs", type=int, default=None, help="default: the config's")
    ap.add_argument("--config", default=os.path.join(ROOT, "configs", "cnn_digits_aging.py"))
    ap.add_argument("--mode", choices=("plain", "replace", "both"), default="both")
    ap.add_argument("--limit-mb", type=int, default=None,
                    help="memory limit with replacement (default: the config's "
                         "worker_memory_limit_mb)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--every", type=int, default=10, help="print every n-th candidate")
    args = ap.parse_args(argv)
    config = driver.load_config(args.config)
    limit = args.limit_mb or config["search_config"].worker_memory_limit_mb
    modes = ("plain", "replace") if args.mode == "both" else (args.mode,)
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} "
          f"{os.getloadavg()[2]:.1f}; {args.candidates} candidates, epochs "
          f"{args.epochs or config['training_config'].epochs}, seed {args.seed}", flush=True)
    start_ray()
    results = {}
    for mode in modes:
        recycling = Recycling(max_rss_mb=limit) if mode == "replace" else Recycling()
        label = f"with replacement at {limit} MiB" if mode == "replace" else "one worker throughout"
        print(f"{mode}: {label}", flush=True)
        results[mode] = r = run(config, args.candidates, args.epochs, recycling, args.seed,
                                args.every)
        print(f"{mode}: first {r['first']:.0f} MiB, median {r['median']:.0f}, last {r['last']:.0f}, "
              f"max {r['max']:.0f}; slope over the second half {r['slope']:.2f} MiB/candidate; "
              f"{r['workers']} worker process(es); {r['failed']} failed candidates; "
              f"{r['seconds']:.0f} s", flush=True)
    if "plain" in results:
        ok = results["plain"]["slope"] <= 1.0
        print(f"goal, no replacement: slope <= 1 MiB/candidate: {'met' if ok else 'NOT met'}")
    if "replace" in results:
        ok = results["replace"]["max"] < limit
        print(f"goal, replacement: every worker below {limit} MiB: {'met' if ok else 'NOT met'}")
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} "
          f"{os.getloadavg()[2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
