"""Generates random small CNN models as int8 TFLite files for latency benchmarking on a microcontroller.

Each model is a random architecture of the CNN search space that fits the given resource bounds,
with random (untrained) weights: latency does not depend on the weight values. Next to the
``.tflite`` files, ``models.json`` records each model's architecture and the resource-model figures
(MACs, model size, peak memory, latency estimate) to correlate with measured latency.

    python generate_tflite_models.py --out-dir artifacts/tflite_models --count 20 \
        --input-shape 28,28,1 --num-classes 10 --max-macs 2000000 --max-model-size 64000
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np


def _shape(text: str):
    try:
        shape = tuple(int(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--input-shape: expected H,W,C integers, got {text!r}")
    if len(shape) != 3 or min(shape) < 1:
        raise argparse.ArgumentTypeError(f"--input-shape: expected H,W,C positive integers, got {text!r}")
    return shape


def resource_features(graph) -> dict:
    from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
    return {"peak_memory_usage": int(peak_memory_usage(graph)), "model_size": int(model_size(graph)),
            "macs": int(macs(graph)),
            "latency_mem1": int(inference_latency(graph, mem_access_weight=1, compute_weight=1))}


def fits(features: dict, args) -> bool:
    bounds = {"macs": args.max_macs, "model_size": args.max_model_size,
              "peak_memory_usage": args.max_peak_memory}
    return all(b is None or features[k] <= b for k, b in bounds.items())


def generate(args) -> list[dict]:
    import keras

    from cnn import CnnSearchSpace
    from utils import convert_to_tflite, save_tflite

    rng = np.random.default_rng(args.seed)
    space = CnnSearchSpace(input_shape=args.input_shape, num_classes=args.num_classes)
    out_dir = Path(args.out_dir)
    records, tries = [], 0
    while len(records) < args.count:
        tries += 1
        if tries > args.max_tries:
            raise SystemExit(f"error: only {len(records)} of {args.count} random architectures fit the "
                             f"bounds after {args.max_tries} tries; loosen --max-* bounds")
        arch = space.random_architecture(rng)
        features = resource_features(space.to_resource_graph(arch))
        if not fits(features, args):
            continue
        keras.backend.clear_session()
        model = space.to_keras_model(arch)
        calibration = rng.random((32,) + args.input_shape, dtype=np.float32)
        path = save_tflite(convert_to_tflite(model, calibration), out_dir / f"model_{len(records):04d}.tflite")
        records.append({"file": path.name, "arch": arch.to_dict(), "resource_features": features,
                        "tflite_bytes": path.stat().st_size})
        print(f"{path}: {features}", flush=True)
    (out_dir / "models.json").write_text(json.dumps(records, indent=1))
    return records


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out-dir", default="artifacts/tflite_models")
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--input-shape", type=_shape, default=(28, 28, 1))
    p.add_argument("--num-classes", type=int, default=10)
    p.add_argument("--max-macs", type=int, default=None)
    p.add_argument("--max-model-size", type=int, default=64_000, help="bytes (int8 weights)")
    p.add_argument("--max-peak-memory", type=int, default=64_000, help="bytes (int8 activations)")
    p.add_argument("--max-tries", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if args.count < 1 or args.num_classes < 2:
        p.error("--count must be >= 1 and --num-classes >= 2")
    generate(args)


if __name__ == "__main__":
    sys.exit(main())
