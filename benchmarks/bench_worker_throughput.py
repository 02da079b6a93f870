#!/usr/bin/env python
"""Benchmark: training throughput (images per second) of one candidate, in a plain ``model.fit``
using the whole machine against Ray workers of the search (issue 21, item 3).

    .venv/bin/python benchmarks/bench_worker_throughput.py [--dataset digits|fashion]
        [--epochs E] [--modes plain,1,2,2-own,2-unpinned,memory]

- ``plain``: this process, TensorFlow's default thread pools (all cores), the candidate's Keras
  model compiled with Adam and fitted on the training arrays (``model.fit(x, y)``).
- ``1``: one Ray worker (the search's ``CandidateEvaluator``: ``ModelTrainer`` and its pipelines),
  TensorFlow threads = all cores, as the search sets them for one worker.
- ``2``: two workers training a copy of the candidate each at the same time, threads = cores / 2
  each (what the search sets); images per second summed over both.
- ``2-unpinned``: the same without setting the thread pools (each TensorFlow sizes its pools to
  all cores: the workers oversubscribe them).
- ``2-own``: as ``2``, but each worker reads and decodes its own copy of the dataset
  (``share_dataset=False``, the search before issue 21); in the other worker modes the workers get
  the driver's one copy through Ray's object store, as the search gives it to them.
- ``memory``: this process's resident memory with TensorFlow imported, after loading the dataset
  (normalised float32 arrays) and after the trainer's tensors of them: what each worker pays for
  its own copy of the data.

Worker start-up and the first candidate (tracing, data loading) are excluded: each worker trains
the candidate once to warm up, then the timed round runs. The time a worker takes to get the
dataset and build the trainer's tensors of it, and its memory after that, are printed too: the
resident set (RSS, shared pages included) and the unique set (USS: what the worker alone holds).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ARCH = {"conv_blocks": [{"is_branch": False, "layers": [
    {"type": "Conv2D", "ker_size": 3, "filters": 16, "2x_stride": True, "has_prepool": False,
     "has_bn": True, "has_relu": True},
    {"type": "DWConv2D", "ker_size": 3, "2x_stride": False, "has_prepool": False,
     "has_bn": True, "has_relu": True},
    {"type": "Conv2D", "ker_size": 1, "filters": 32, "2x_stride": False, "has_prepool": False,
     "has_bn": True, "has_relu": True}]}],
    "pooling": {"type": "avg", "pool_size": 2}, "dense_blocks": [{"units": 32,
                                                                  "activation": "relu"}]}


def setup(dataset_name: str, epochs: int):
    import keras
    from cnn import CnnArchitecture, CnnSearchSpace
    from config import TrainingConfig
    from dataset import Digits, FashionMNIST
    dataset = {"digits": Digits, "fashion": FashionMNIST}[dataset_name]()
    training = TrainingConfig(dataset=dataset, optimizer=lambda: keras.optimizers.Adam(0.003),
                              batch_size=128, epochs=epochs)
    space = CnnSearchSpace(input_shape=dataset.input_shape, num_classes=dataset.num_classes)
    arch = CnnArchitecture.from_dict({"search_space": "cnn", "architecture": ARCH})
    return space, training, arch


class TimedEvaluator:
    """Runs in a worker: loads the data (timed), then trains the candidate when asked."""

    def __init__(self, space, training, threads):
        from search_algorithms.evaluator import CandidateEvaluator
        from search_algorithms.workers import resident_memory
        self.evaluator = CandidateEvaluator(space, training, threads=threads, keep_weights=False)
        start = time.perf_counter()
        training.dataset.splits()
        for split in ("train", "validation", "test"):
            training.dataset._split_tensors(split)
        self.load_seconds = time.perf_counter() - start
        import psutil
        self.rss_after_load = resident_memory()
        self.uss_after_load = psutil.Process().memory_full_info().uss

    def info(self):
        return self.load_seconds, self.rss_after_load, self.uss_after_load

    def train(self, point):
        start = time.perf_counter()
        result = self.evaluator.evaluate(point)[0]
        return time.perf_counter() - start, result.ok, result.val_error


def plain_fit(space, training, arch, epochs) -> float:
    import keras
    s = training.dataset.splits()
    model = space.to_keras_model(arch)
    model.compile(optimizer=keras.optimizers.Adam(0.003),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(s.x_train, s.y_train, batch_size=128, epochs=1, verbose=0)  # warm-up: tracing
    start = time.perf_counter()
    model.fit(s.x_train, s.y_train, batch_size=128, epochs=epochs, verbose=0)
    return len(s.x_train) * epochs / (time.perf_counter() - start)


def workers(space, training, arch, n: int, threads, epochs, shared: bool) -> tuple:
    import dataclasses

    import ray
    from search_algorithms.points import Point
    cpus = os.cpu_count()
    if shared:   # as the search does (AgingEvoSearch._shared_data_config)
        start = time.perf_counter()
        training = dataclasses.replace(training, dataset=training.dataset.travelling_loaded())
        print(f"  the driver loaded the shared copy in {time.perf_counter() - start:.1f} s",
              flush=True)
    actor = ray.remote(num_cpus=cpus / n)(TimedEvaluator)
    actors = [actor.remote(space, training, threads) for _ in range(n)]
    info = ray.get([a.info.remote() for a in actors])
    ray.get([a.train.remote(Point(id=i, arch=arch)) for i, a in enumerate(actors)])  # warm-up
    start = time.perf_counter()
    runs = ray.get([a.train.remote(Point(id=10 + i, arch=arch)) for i, a in enumerate(actors)])
    wall = time.perf_counter() - start
    for a in actors:
        ray.kill(a)
    images = n * len(training.dataset.splits().x_train) * epochs
    return images / wall, info, runs


def memory(dataset_name: str) -> None:
    import gc

    import tensorflow  # noqa: F401
    from dataset import Digits, FashionMNIST
    from search_algorithms.workers import release_free_memory, resident_memory
    base = resident_memory()
    dataset = {"digits": Digits, "fashion": FashionMNIST}[dataset_name]()
    s = dataset.splits()
    gc.collect()
    release_free_memory()
    arrays = resident_memory()
    nbytes = sum(a.nbytes for a in s.__dict__.values() if hasattr(a, "nbytes"))
    for split in ("train", "validation", "test"):
        dataset._split_tensors(split)
    gc.collect()
    release_free_memory()
    tensors = resident_memory()
    print(f"memory: TensorFlow imported {base / 2**20:.0f} MiB; + dataset arrays "
          f"{arrays / 2**20:.0f} MiB (arrays {nbytes / 2**20:.0f} MiB); + the trainer's tensors "
          f"{tensors / 2**20:.0f} MiB", flush=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dataset", default="digits", choices=("digits", "fashion"))
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--modes", default="plain,1,2,2-own,2-unpinned")
    args = p.parse_args(argv)
    modes = args.modes.split(",")
    if "memory" in modes:   # first: before this process loads any data
        memory(args.dataset)
        modes.remove("memory")
    if not modes:
        return 0
    space, training, arch = setup(args.dataset, args.epochs)
    cpus = os.cpu_count()
    n_train = len(training.dataset.splits().x_train)
    print(f"dataset {args.dataset} ({n_train} training images), {args.epochs} epochs, "
          f"{cpus} cores; candidate: 3 conv layers + dense, batch 128, Adam")
    rates = {}
    for mode in modes:
        if mode == "plain":
            rates[mode] = plain_fit(space, training, arch, args.epochs)
            print(f"plain model.fit, this process, default threads: {rates[mode]:,.0f} images/s",
                  flush=True)
            continue
        from search_algorithms.workers import start_ray
        import ray
        start_ray()
        n = int(mode.split("-")[0])
        threads = None if mode.endswith("unpinned") else max(1, cpus // n)
        shared = not mode.endswith("own")
        rate, info, runs = workers(space, training, arch, n, threads, args.epochs, shared)
        rates[mode] = rate
        loads = ", ".join(f"{s:.1f} s / {rss / 2**20:.0f} / {uss / 2**20:.0f} MiB"
                          for s, rss, uss in info)
        print(f"{n} worker(s), TF threads {threads or 'unset'} each, "
              f"{'shared' if shared else 'own'} data: {rate:,.0f} images/s in all "
              f"(candidate wall {', '.join(f'{r[0]:.1f} s' for r in runs)}); data + tensors "
              f"load time / RSS / USS per worker: {loads}", flush=True)
        ray.shutdown()
    if "plain" in rates:
        print("relative to plain fit: " + ", ".join(f"{m} {r / rates['plain']:.2f}x"
                                                    for m, r in rates.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
