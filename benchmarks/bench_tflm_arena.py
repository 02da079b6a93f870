#!/usr/bin/env python
"""TFLM's whole arena predicted from the flatbuffer (resource_models.tflm_arena) against the
tflite-micro wheel's measurement: head, tail and total (RecordingMicroAllocator) and the smallest
arena that runs (a binary search on bytes), on the models TFLM ships with this
project's tests, the foreign Keras test networks, and random CNN and MLP architectures from the
search spaces converted as the export converts them. Also the prediction's time per model.

    .venv/bin/python benchmarks/bench_tflm_arena.py [--cnn 20] [--mlp 10] [--seed 0]
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "test"))

import numpy as np  # noqa: E402


FOREIGN = ("mobilenet", "residual", "two_branch", "three_way_add", "transpose_conv",
           "elementwise", "tiny_conv", "dense_chain")


def _models(directory: Path, cnn: int, mlp: int, seed: int, foreign=FOREIGN):
    """(name, path) of every model compared: shipped, foreign (test/foreign_models.py builders of
    these names), random architectures."""
    import keras

    import foreign_models
    from cnn import CnnSearchSpace
    from mlp import MlpSearchSpace
    from utils import convert_to_tflite, quiet_conversion

    for path in sorted((ROOT / "test" / "data" / "tflm_models").glob("*.tflite")):
        yield path.stem, path
    builders = [(name, getattr(foreign_models, name)) for name in foreign]
    rng = np.random.default_rng(seed)
    spaces = [("cnn", CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10), cnn),
              ("mlp", MlpSearchSpace(input_shape=(64,), num_classes=10), mlp)]
    jobs = [(name, lambda b=build: b(keras)) for name, build in builders]
    for kind, space, count in spaces:
        for i in range(count):
            arch = space.random_architecture(rng)
            jobs.append((f"{kind}_{i}", lambda s=space, a=arch: s.to_keras_model(a)))
    for name, build in jobs:
        keras.utils.set_random_seed(0)
        model = build()
        x = np.random.default_rng(0).random((16,) + tuple(model.inputs[0].shape[1:]),
                                            dtype=np.float32)
        path = directory / f"{name}.tflite"
        path.write_bytes(quiet_conversion(lambda: convert_to_tflite(model, x)))
        yield name, path


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cnn", type=int, default=20, help="random CNN architectures")
    p.add_argument("--mlp", type=int, default=10, help="random MLP architectures")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    from resource_models.tflite import read_tflite
    from resource_models.tflm_arena import arena_figures
    from utils import TflmArenaProbe, tflm_arena_usage

    exact = {"head": 0, "tail": 0, "total": 0, "min": 0}
    min_over, min_under, times, n = [], [], [], 0
    print(f"{'model':<30} {'ops':>4} {'head':>7} {'tail':>6} {'total':>7} {'min':>7} "
          f"{'TFLM head/tail/total':>22} {'TFLM min':>8}  cortex-m4 tail")
    with tempfile.TemporaryDirectory() as tmp, TflmArenaProbe() as probe:
        for name, path in _models(Path(tmp), args.cnn, args.mlp, args.seed):
            data = path.read_bytes()
            start = time.perf_counter()
            model = read_tflite(data)
            wheel = arena_figures(model)
            times.append(time.perf_counter() - start)
            m4 = arena_figures(model, "cortex-m4")
            measured = tflm_arena_usage(data)
            smallest = probe.smallest_arena(path, wheel.total_bytes + 16384)
            n += 1
            exact["head"] += wheel.head_bytes == measured["head"]
            exact["tail"] += wheel.tail_bytes == measured["tail"]
            exact["total"] += wheel.total_bytes == measured["total"]
            exact["min"] += wheel.min_arena_bytes == smallest
            if wheel.min_arena_bytes > smallest:
                min_over.append((name, wheel.min_arena_bytes - smallest))
            if wheel.min_arena_bytes < smallest:
                min_under.append((name, smallest - wheel.min_arena_bytes))
            print(f"{name:<30} {len(model.operators):>4} {wheel.head_bytes:>7} "
                  f"{wheel.tail_bytes:>6} {wheel.total_bytes:>7} {wheel.min_arena_bytes:>7} "
                  f"{measured['head']:>8}/{measured['tail']:>5}/{measured['total']:>7} "
                  f"{smallest:>8}  {m4.tail_bytes}", flush=True)
    print(f"\n{n} models: predicted = measured for head {exact['head']}, tail {exact['tail']}, "
          f"total {exact['total']}, smallest arena {exact['min']}")
    print(f"smallest arena predicted too large: {min_over or 'never'}; "
          f"too small: {min_under or 'never'}")
    print(f"prediction time per model (read + arena figures): mean {1e3 * np.mean(times):.2f} ms, "
          f"max {1e3 * np.max(times):.2f} ms")
    return 0 if exact["head"] == exact["tail"] == exact["total"] == n and not min_under else 1


if __name__ == "__main__":
    sys.exit(main())
