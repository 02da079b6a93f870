"""Benchmark: how long one Bayesian-optimisation ask takes, and what share of a search it is.

    .venv/bin/python benchmarks/bench_bo.py [--sizes 50,100,200,500] [--in-flight 2]
                                            [--budget N] [--paths fast,straightforward]
                                            [--search-rounds N] [--seed S]

Ask time: a history of N evaluated random CNN architectures (Digits input, real resource
figures, an error that falls with model size; no training) and ``--in-flight`` candidates
running; one ask (GP for the ask, Thompson sampler with the in-flight points hallucinated, the
aging-evolution GA over ``--budget`` candidates, default dragonfly's 300) is timed for each path:
"straightforward" (dragonfly's own posterior sampling per candidate: distances to the history
twice, the in-flight kernel rebuilt per candidate, each distance one transport problem per pair and
coefficient set as dragonfly poses it) and "fast" (in-flight part once per ask, one distance row
per candidate, the transport problems split by label group as in
``dragonfly_adapters/decomposed.py``, no sample drawn for a candidate whose resource terms decide
its score). The history's distances (tell) are the decomposed ones for both paths. Both compute only the four OTMANN coefficient groups the kernel reads
(μNAS also computed a fifth, unread: see dragonfly_adapters/kernel.py). The time to tell the model the N points (distances between them, each
pair once) and the hyperparameter fit are reported apart from the ask: a search pays them once
per point / once per refit period. Both paths must suggest the same candidate (checked).

``--search-rounds N`` also runs the Digits BO config (``configs/cnn_digits_bo.py``, Ray, two
workers) for N rounds and reports the summed ask time against the search's wall time, and how
much of the two workers' wall time was spent training (asks overlap training: the next candidate
is asked for while both workers train).
Goal: an ask at 200 evaluated points with 2 in flight in <= 5 s; asks <= 10 % of the search.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from cnn import CnnSearchSpace  # noqa: E402
from search_algorithms.bayesopt import BayesOptimisation  # noqa: E402

BOUNDS = dict(error_bound=0.10, peak_mem_bound=1_000, model_size_bound=20_000, mac_bound=200_000)


def scored(point, space):
    from dragonfly_adapters.network import CandidateNetwork
    r = CandidateNetwork(point.arch, space).resources_at(point.sparsity)
    err = 0.03 + 0.3 / (1.0 + r["model_size"] / 1000.0)
    return point.completed(val_error=err, test_error=err, resource_features=r)


def history(n, in_flight, seed):
    """An oracle with ``n`` evaluated random points and ``in_flight`` running ones."""
    space = CnnSearchSpace()
    space.input_shape, space.num_classes = (8, 8, 1), 10
    o = BayesOptimisation(space, bounds=BOUNDS, rounds=n + in_flight + 1,
                          starting_points=n + in_flight, seed=seed, hp_criterion="ml")
    for _ in range(n):
        o.on_result(scored(o.suggest(), space))
    for _ in range(in_flight):
        o.suggest()
    return o


def time_ask(n, in_flight, budget, seed, paths):
    o = history(n, in_flight, seed)
    t = time.perf_counter()
    model = o.model()
    tell = time.perf_counter() - t
    from dragonfly_adapters.gp import seeded_numpy
    t = time.perf_counter()
    with seeded_numpy(1):
        model.gp()
    fit = time.perf_counter() - t
    o.acq_max_evals = budget
    results = {}
    for path in paths:
        o.fast = path == "fast"
        t, cpu = time.perf_counter(), time.process_time()
        arch, sparsity = o.acquire(12345)
        results[path] = (time.perf_counter() - t, arch.to_dict(), time.process_time() - cpu)
    return tell, fit, results


def search_share(rounds, seed):
    import logging

    import driver
    from search_algorithms.workers import start_ray
    logging.basicConfig(level=logging.WARNING)
    args = driver.parse_args([os.path.join(ROOT, "configs", "cnn_digits_bo.py"),
                              "--rounds", str(rounds), "--workers", "2"])
    config = driver.apply_overrides(driver.load_config(args.config), args)
    with tempfile.TemporaryDirectory() as tmp:
        import dataclasses
        search_config = dataclasses.replace(config["search_config"], checkpoint_dir=tmp)
        search = config["search_algorithm"]("bench", search_config, config["training_config"],
                                            config["bound_config"], seed=seed)
        start_ray()
        t = time.perf_counter()
        oracle_box = {}
        new_oracle = search.new_oracle

        def keep():
            oracle_box["o"] = new_oracle()
            return oracle_box["o"]
        search.new_oracle = keep
        search.search()
        wall = time.perf_counter() - t
    oracle = oracle_box["o"]
    training = sum(p.train_seconds or 0.0 for p in oracle.history)
    return wall, oracle.ask_seconds, training


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="50,100,200,500")
    p.add_argument("--in-flight", type=int, default=2)
    p.add_argument("--budget", type=int, default=300)
    p.add_argument("--paths", default="fast,straightforward")
    p.add_argument("--search-rounds", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    print(f"load average: {os.getloadavg()}")
    paths = a.paths.split(",")
    print("ask s: wall seconds (CPU seconds of this process, robust to other load)")
    print(f"{'points':>6} {'tell s':>7} {'fit s':>6} " + " ".join(f"{x + ' ask s':>30}"
                                                              for x in paths) + "  same")
    for n in (int(s) for s in a.sizes.split(",")):
        tell, fit, res = time_ask(n, a.in_flight, a.budget, a.seed, paths)
        same = len({str(r[1]) for r in res.values()}) == 1
        print(f"{n:>6} {tell:>7.1f} {fit:>6.1f} " + " ".join(f"{res[x][0]:>22.1f} ({res[x][2]:>5.1f})" for x in paths)
              + f"  {same}", flush=True)
    if a.search_rounds:
        wall, asks, training = search_share(a.search_rounds, a.seed)
        print(f"Digits BO search, {a.search_rounds} rounds: wall {wall:.0f} s, {len(asks)} asks "
              f"{sum(asks):.1f} s in all = {100 * sum(asks) / wall:.1f} % of the search "
              f"(max ask {max(asks, default=0):.1f} s); asks run while the workers train: "
              f"training filled {100 * training / (2 * wall):.1f} % of the 2 workers' wall time")
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
