#!/usr/bin/env python
"""How often random architectures crash TensorFlow's oneDNN graph rewrite (issue #17).

    .venv/bin/python benchmarks/bench_onednn_crashes.py [--config configs/cnn_digits_aging.py]
                     [--count 2000] [--seed 0] [--processes 2] [--recheck]

Draws ``--count`` random architectures of the config's search space (its dataset's input shape
and classes) with a seeded generator and, in worker processes, builds each one's Keras model and
trains it for one step with the config's optimizer (``model.fit`` on 16 images of the real
training data, which instantiates the training function, where TensorFlow 2.21's
``MklLayoutRewritePass`` segfaults). A worker that dies of a signal marks the architecture it was
training as a crash and a fresh worker goes on with the next one. ``--recheck`` trains each
crashing architecture again in a fresh process with ``TF_ENABLE_ONEDNN_OPTS=0`` (what the search's
retry does). Prints the crash count and rate, the crashing architectures' indices, and the
recheck's outcome. Ctrl-C (SIGINT) stops the workers and prints the figures of what was done.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
BATCH = 50  # architectures per worker process (a crash starts a fresh one sooner)


def architectures(config_path: str, count: int, seed: int):
    """The config, its search space and ``count`` random architectures drawn with ``seed``."""
    import numpy as np

    import driver
    config = driver.load_config(config_path)
    space = config["search_config"].search_space
    dataset = config["training_config"].dataset
    space.input_shape, space.num_classes = tuple(dataset.input_shape), dataset.num_classes
    rng = np.random.default_rng(seed)
    return config, space, [space.random_architecture(rng) for _ in range(count)]


def worker(config_path: str, count: int, seed: int, indices: list) -> None:
    """Train each listed architecture for one step; print ``begin i`` / ``done i`` lines (and
    ``raised i: message`` for one that raises: not a crash)."""
    import gc

    import keras
    import numpy as np

    from model_trainer import custom_gradients_released

    config, space, archs = architectures(config_path, count, seed)
    training = config["training_config"]
    dataset = training.dataset
    x, y = next(iter(dataset.train_dataset().batch(16)))
    x, y = np.asarray(x), np.asarray(y)
    classes = dataset.num_classes
    for i in indices:
        print(f"begin {i}", flush=True)
        keras.backend.clear_session()
        gc.collect()
        try:
            model = space.to_keras_model(archs[i])
            loss = (keras.losses.BinaryCrossentropy(from_logits=True) if classes == 2
                    else keras.losses.SparseCategoricalCrossentropy(from_logits=True))
            model.compile(optimizer=training.optimizer(), loss=loss)
            with custom_gradients_released():  # as the trainer: no traced graph kept per model
                model.fit(x, y, batch_size=len(x), epochs=1, verbose=0)
        except Exception as e:  # noqa: BLE001 - counted apart from crashes
            print(f"raised {i}: {type(e).__name__}: {' '.join(str(e).split())[:200]}", flush=True)
        print(f"done {i}", flush=True)


def run_chain(args, indices: list, env: dict) -> tuple:
    """Run ``indices`` through worker processes, restarting after each crash. Returns (crashed
    indices, {index: signal name or exception}, why it stopped early or None, how many of
    ``indices`` were trained or crashed)."""
    crashed, signals, todo, finished = [], {}, list(indices), 0
    while todo:
        cmd = [sys.executable, os.path.abspath(__file__), "--config", args.config, "--count",
               str(args.count), "--seed", str(args.seed), "--worker",
               ",".join(map(str, todo))]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=max(600, 60 * len(todo)))
        begun = [int(line.split()[1]) for line in proc.stdout.splitlines()
                 if line.startswith("begin ")]
        done = {int(line.split()[1]) for line in proc.stdout.splitlines()
                if line.startswith("done ")}
        finished += len(done)
        for line in proc.stdout.splitlines():
            if line.startswith("raised "):
                index, message = line[len("raised "):].split(": ", 1)
                signals[int(index)] = message
        if proc.returncode == 0:
            break
        if not begun:
            return crashed, signals, proc.stderr.strip().splitlines()[-1:] or ["no output"], \
                finished
        last = begun[-1]
        if last in done:  # died between two architectures: not an architecture's crash
            return crashed, signals, [f"worker exited with {proc.returncode} between models"], \
                finished
        if proc.returncode >= 0 or -proc.returncode in (signal.SIGINT, signal.SIGTERM,
                                                        signal.SIGKILL):
            # the worker itself failed (data, import) or was stopped: not a crash; stop here
            return crashed, signals, (proc.stderr.strip().splitlines() or ["no output"])[-1:], \
                finished
        crashed.append(last)
        finished += 1
        signals[last] = signal.Signals(-proc.returncode).name
        todo = todo[todo.index(last) + 1:]
    return crashed, signals, None, finished


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=os.path.join(ROOT, "configs", "cnn_digits_aging.py"))
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--recheck", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.config, args.count, args.seed, [int(i) for i in args.worker.split(",")])
        return 0

    import threading
    from concurrent.futures import ThreadPoolExecutor
    # Ctrl-C stops the workers (they start with SIGINT at its default) and the chains end early;
    # this process goes on to print what was measured.
    signal.signal(signal.SIGINT, lambda *_: print("interrupted: stopping", flush=True))
    start = time.time()
    env = {**os.environ, "PYTHONPATH": ROOT}
    env.pop("TF_ENABLE_ONEDNN_OPTS", None)  # TensorFlow's default: rewrites on
    lock, progress = threading.Lock(), {"done": 0, "crashed": []}

    def chain(indices):
        """Batches of ``BATCH`` architectures per chain, with a progress line after each (so
        that an interrupted run still says how far it got)."""
        crashed, notes, problem = [], {}, None
        for b in range(0, len(indices), BATCH):
            c, n, problem, finished = run_chain(args, indices[b:b + BATCH], env)
            crashed += c
            notes.update(n)
            with lock:
                progress["done"] += finished
                progress["crashed"] += c
                print(f"progress: {progress['done']} of {args.count} trained, crashed: "
                      f"{sorted(progress['crashed'])} ({time.time() - start:.0f} s)", flush=True)
            if problem:
                break
        return crashed, notes, problem

    chains = [list(range(k, args.count, args.processes)) for k in range(args.processes)]
    with ThreadPoolExecutor(args.processes) as ex:
        results = list(ex.map(chain, chains))
    crashed = sorted(i for r in results for i in r[0])
    notes = {i: s for r in results for i, s in r[1].items()}
    problems = [r[2] for r in results if r[2]]
    trained = progress["done"]
    print(f"config {os.path.relpath(args.config, ROOT)}, seed {args.seed}: {trained} of "
          f"{args.count} random architectures trained one step each, oneDNN rewrites on "
          f"(TensorFlow's default)")
    if problems:
        print(f"workers stopped early: {problems}")
    other = {i: s for i, s in notes.items() if i not in crashed}
    print(f"crashed (killed by a signal): {len(crashed)} of {trained} "
          f"({100 * len(crashed) / max(trained, 1):.2f} %): {crashed} "
          f"{json.dumps({str(i): notes[i] for i in crashed})}")
    print(f"raised (not crashes): {len(other)} {json.dumps({str(i): s for i, s in other.items()})}")
    if args.recheck and crashed:
        off = {**env, "TF_ENABLE_ONEDNN_OPTS": "0"}
        again, _, problem, _ = run_chain(args, crashed, off)
        print(f"with TF_ENABLE_ONEDNN_OPTS=0: {len(crashed) - len(again)} of {len(crashed)} "
              f"crashing architectures train; still crashing: {again}"
              + (f" ({problem})" if problem else ""))
    print(f"wall time {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
