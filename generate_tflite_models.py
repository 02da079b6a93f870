"""Random CNNs of the search space as int8 TFLite files, for measuring latency on a microcontroller
(the original μNAS's procedure, used to correlate measured latency with MACs).

Each model starts as a random architecture of the CNN search space; while its model size or its
peak memory usage (input tensor included, as the original counts it here) is over the limit, a
random morph of it is drawn and taken if it lowers either figure, or else with probability
``--keep-prob``. The result is converted with random (untrained) weights, calibrated on 5 random
inputs: latency does not depend on the weight values. The original's settings are the defaults:
1,000 models of 64x64x3 inputs and 10 classes, limits of 250,000 B each, keep probability 0.25,
seed 0, files ``m00000.tflite``... in ``/tmp/tflite``.

Next to the files, ``models.json`` (this project's addition) records each model's architecture,
morph steps and resource-model figures (MACs, model size, peak memory with and without the input,
latency estimate) to correlate with measured latency.

    python generate_tflite_models.py [--out-dir DIR] [--count N] [--input-shape H,W,C]
        [--num-classes K] [--max-model-size B] [--max-peak-memory B] [--keep-prob P] [--seed S]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

CALIBRATION_SAMPLES = 5


def _shape(text: str):
    try:
        shape = tuple(int(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--input-shape: expected H,W,C integers, got {text!r}")
    if len(shape) != 3 or min(shape) < 1:
        raise argparse.ArgumentTypeError(f"--input-shape: expected H,W,C positive integers, got {text!r}")
    return shape


def requirements(space, arch):
    """``(model size, peak memory usage with the input tensor counted)``: what the walk limits."""
    from resource_models.models import model_size, peak_memory_usage
    graph = space.to_resource_graph(arch)
    return int(model_size(graph)), int(peak_memory_usage(graph, exclude_inputs=False))


def resource_features(graph) -> dict:
    from resource_models.models import inference_latency, macs, model_size, peak_memory_usage
    return {"peak_memory_usage": int(peak_memory_usage(graph)),
            "peak_memory_with_input": int(peak_memory_usage(graph, exclude_inputs=False)),
            "model_size": int(model_size(graph)), "macs": int(macs(graph)),
            "latency_mem1": int(inference_latency(graph, mem_access_weight=1, compute_weight=1))}


class WalkTooLong(RuntimeError):
    """A morph walk did not get within the limits in the allowed number of steps."""


def walk_within_limits(space, arch, rng, max_model_size: int, max_peak_memory: int,
                       keep_prob: float = 0.25, max_steps: int = 100_000):
    """Morph ``arch`` until both requirements are within the limits; returns ``(arch, steps)``.

    Each step draws one of ``space.produce_morphs(arch)`` uniformly and moves to it if that lowers
    the model size or the peak memory usage, else with probability ``keep_prob``."""
    size, peak = requirements(space, arch)
    steps = 0
    while size > max_model_size or peak > max_peak_memory:
        if steps >= max_steps:
            raise WalkTooLong(f"a morph walk did not reach model size <= {max_model_size} B and "
                              f"peak memory <= {max_peak_memory} B in {max_steps} steps "
                              f"(at {size} B and {peak} B); loosen --max-model-size/--max-peak-memory")
        morphs = space.produce_morphs(arch, rng)
        candidate = morphs[int(rng.integers(0, len(morphs)))]
        new_size, new_peak = requirements(space, candidate)
        steps += 1
        if new_size < size or new_peak < peak or rng.random() < keep_prob:
            arch, size, peak = candidate, new_size, new_peak
    return arch, steps


def generate(args) -> list[dict]:
    import keras

    from cnn import CnnSearchSpace
    from utils import convert_to_tflite, save_tflite

    rng = np.random.default_rng(args.seed)
    space = CnnSearchSpace(input_shape=args.input_shape, num_classes=args.num_classes)
    out_dir = Path(args.out_dir)
    records = []
    for i in range(args.count):
        arch, steps = walk_within_limits(space, space.random_architecture(rng), rng,
                                         args.max_model_size, args.max_peak_memory,
                                         args.keep_prob, args.max_steps)
        features = resource_features(space.to_resource_graph(arch))
        keras.backend.clear_session()
        model = space.to_keras_model(arch)
        calibration = rng.random((CALIBRATION_SAMPLES,) + args.input_shape, dtype=np.float32)
        flatbuffer = convert_to_tflite(model, calibration, num_representative=CALIBRATION_SAMPLES)
        path = save_tflite(flatbuffer, out_dir / f"m{i:05d}.tflite")
        records.append({"file": path.name, "arch": arch.to_dict(), "morph_steps": steps,
                        "resource_features": features, "tflite_bytes": path.stat().st_size})
        print(f"Generated #{i + 1}: {path} ({steps} morph steps) {features}", flush=True)
    (out_dir / "models.json").write_text(json.dumps(records, indent=1))
    return records


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out-dir", default="/tmp/tflite")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--input-shape", type=_shape, default=(64, 64, 3))
    p.add_argument("--num-classes", type=int, default=10)
    p.add_argument("--max-model-size", type=int, default=250_000, help="bytes")
    p.add_argument("--max-peak-memory", type=int, default=250_000,
                   help="bytes, the input tensor included")
    p.add_argument("--keep-prob", type=float, default=0.25,
                   help="probability of taking a morph that lowers neither figure")
    p.add_argument("--max-steps", type=int, default=100_000,
                   help="give up a walk after this many morph steps (the original never does)")
    p.add_argument("--seed", type=int, default=0)
    return p


def main(argv=None) -> int:
    p = build_parser()
    args = p.parse_args(argv)
    if args.count < 1 or args.num_classes < 2:
        p.error("--count must be >= 1 and --num-classes >= 2")
    if not 0.0 <= args.keep_prob <= 1.0:
        p.error("--keep-prob must be in [0, 1]")
    if min(args.max_model_size, args.max_peak_memory, args.max_steps) < 1:
        p.error("--max-model-size, --max-peak-memory and --max-steps must be >= 1")
    try:
        generate(args)
    except WalkTooLong as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
