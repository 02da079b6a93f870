#!/usr/bin/env python
"""Time of the latency model's prediction (resource_models.tflm_latency.predicted_instructions)
per model and per operator, on .tflite files read once (reading is not timed), for both kernel
sets. The search calls it for every candidate: the goal is well under a millisecond per operator.

    .venv/bin/python benchmarks/bench_tflm_latency.py MODEL_DIR_OR_FILE... [--repeats 20]
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs="+")
    p.add_argument("--repeats", type=int, default=20)
    args = p.parse_args(argv)
    from resource_models.tflite import read_tflite
    from resource_models.tflm_latency import predicted_instructions

    files = []
    for path in map(Path, args.paths):
        files += sorted(path.glob("*.tflite")) if path.is_dir() else [path]
    models = [read_tflite(f) for f in files]
    operators = sum(len(m.operators) for m in models)
    for kernels in ("cmsis-nn", "reference"):
        for m in models:                          # coefficients loaded once, outside the timing
            predicted_instructions(m, kernels)
        started = time.perf_counter()
        for _ in range(args.repeats):
            for m in models:
                predicted_instructions(m, kernels)
        seconds = (time.perf_counter() - started) / args.repeats
        print(f"{kernels}: {len(models)} models, {operators} operators: "
              f"{seconds / len(models) * 1e3:.3f} ms per model, "
              f"{seconds / operators * 1e6:.1f} us per operator")
    return 0


if __name__ == "__main__":
    sys.exit(main())
