"""Benchmark: search throughput (candidates per hour) with 1 vs 2 Ray workers, and `make search`.

    .venv/bin/python benchmarks/bench_search.py [--rounds N] [--epochs E] [--workers 1,2]
                                                [--repeats R] [--make-search [--no-throughput]]
                                                [--fake] [--config CONFIG] [--share-dataset on|off]

Throughput: the digits config (``configs/cnn_digits_aging.py``, or ``--config``) searched for
``--rounds`` candidates with each worker count. Every candidate is a random architecture drawn from the same
seed (the initial population is made as large as the run), so each run trains exactly the same
candidates whatever order they finish in. The time is that of ``AgingEvoSearch.search()`` with
Ray already started: worker start-up (TensorFlow import, data loading) included. One worker gets
all the CPU cores as TensorFlow threads; n workers get cores / n each. The goal is >= 1.8x
candidates per hour with 2 workers than with 1 on a 2-core machine. Runs alternate between worker
counts (``--repeats``) and the best run of each is reported, which is steadier on a shared machine.

``--share-dataset off`` makes each worker load its own copy of the data (``share_dataset=False``,
the search before issue 21) instead of the driver's one copy through Ray's object store.
``--make-search`` also times what ``make search`` runs (the driver on the digits config, then the
state processor), in a temporary directory. ``--fake`` uses the fake evaluator (0.5 s of sleep per
candidate) to measure the search's own overhead instead of training.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import driver  # noqa: E402
from search_algorithms.workers import start_ray  # noqa: E402

CONFIG = os.path.join(ROOT, "configs", "cnn_digits_aging.py")


def search_once(config, workers: int, rounds: int, epochs, fake: bool, directory: str,
                share: bool = True) -> dict:
    training = config["training_config"]
    if epochs:
        training = dataclasses.replace(training, epochs=epochs)
    search_config = dataclasses.replace(
        config["search_config"], rounds=rounds, initial_population_size=rounds,
        population_size=max(rounds, config["search_config"].population_size),
        max_parallel_evaluations=workers, checkpoint_dir=directory, share_dataset=share)
    space = search_config.search_space
    space.input_shape, space.num_classes = training.dataset.input_shape, training.dataset.num_classes
    kwargs = {}
    if fake:
        from search_algorithms.testing import FakeEvaluator, FakeSearchSpace
        search_config = dataclasses.replace(search_config, search_space=FakeSearchSpace())
        kwargs["evaluator_factory"] = lambda: FakeEvaluator(delay=0.5)
    search = config["search_algorithm"](f"bench{workers}", search_config, training,
                                        config["bound_config"], seed=0, **kwargs)
    start = time.perf_counter()
    history = search.search(save_every=10)
    seconds = time.perf_counter() - start
    return {"workers": workers, "seconds": seconds, "candidates": len(history),
            "failed": sum(not p.ok for p in history),
            "per_hour": len(history) / seconds * 3600,
            "train_seconds": sum(p.train_seconds or 0.0 for p in history)}


def time_make_search() -> float:
    directory = tempfile.mkdtemp(prefix="bench-make-search-")
    try:
        start = time.perf_counter()
        py = sys.executable
        subprocess.run([py, "driver.py", CONFIG, "--name", "digits", "--checkpoint-dir", directory],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([py, "search_state_processor.py",
                        os.path.join(directory, "digits_agingevosearch_state.json"),
                        "--plot-dir", directory], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=16, help="candidates per run (default 16)")
    p.add_argument("--epochs", type=int, default=None, help="epochs (default: the config's)")
    p.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    p.add_argument("--repeats", type=int, default=1, help="runs per worker count (default 1)")
    p.add_argument("--make-search", action="store_true", help="also time `make search`")
    p.add_argument("--no-throughput", action="store_true",
                   help="skip the 1-vs-2-worker comparison (with --make-search)")
    p.add_argument("--fake", action="store_true", help="fake evaluator: the search's overhead")
    p.add_argument("--config", default=CONFIG, help="the config to search (default: digits)")
    p.add_argument("--share-dataset", choices=("on", "off"), default="on")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    driver._import_tensorflow_quietly()
    config = driver.load_config(args.config)
    counts = [int(w) for w in args.workers.split(",")]
    print(f"{'fake evaluator' if args.fake else os.path.relpath(args.config, ROOT)}: "
          f"{args.rounds} candidates per run, {os.cpu_count()} CPU cores, epochs "
          f"{args.epochs or config['training_config'].epochs}, dataset "
          f"{'shared' if args.share_dataset == 'on' else 'loaded by each worker'}", flush=True)
    if args.no_throughput:
        counts = []
    started = start_ray() if counts else False
    best = {}
    try:
        for repeat in range(args.repeats):
            for workers in counts:
                with tempfile.TemporaryDirectory(prefix="bench-search-") as directory:
                    r = search_once(config, workers, args.rounds, args.epochs, args.fake, directory,
                                    args.share_dataset == "on")
                print(f"  run {repeat + 1}: {workers} worker(s): {r['seconds']:.1f} s for "
                      f"{r['candidates']} candidates ({r['failed']} failed) = "
                      f"{r['per_hour']:.0f} candidates/hour; training time summed over candidates "
                      f"{r['train_seconds']:.1f} s", flush=True)
                if workers not in best or r["per_hour"] > best[workers]["per_hour"]:
                    best[workers] = r
    finally:
        if started:
            import ray
            ray.shutdown()
    base = best[counts[0]]["per_hour"] if counts else 0
    for workers in counts:
        r = best[workers]
        print(f"{workers} worker(s): {r['per_hour']:.0f} candidates/hour "
              f"({r['per_hour'] / base:.2f}x {counts[0]} worker(s))")
    if len(counts) > 1 and counts[0] == 1 and 2 in counts:
        ratio = best[2]["per_hour"] / base
        print(f"speed-up with 2 workers: {ratio:.2f}x (goal >= 1.8x, issue 21): "
              f"{'met' if ratio >= 1.8 else 'NOT met'}")
    if args.make_search:
        print(f"make search (driver + processor on {os.path.relpath(CONFIG, ROOT)}): "
              f"{time_make_search() / 60:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
