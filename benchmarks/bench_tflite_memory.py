#!/usr/bin/env python
"""Foreign TFLite models (built here, no search involved): TFLM arena head predicted by
resource_models.tflite vs measured by the TFLM interpreter, for the converter's operator order, the
optimal order (TFLM's own planner) and the optimal order with an offline memory plan.

    .venv/bin/python benchmarks/bench_tflite_memory.py
"""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "test"))  # the foreign test networks

import numpy as np  # noqa: E402


def models():
    import keras

    import foreign_models as f
    return {"MobileNet-style": lambda: f.mobilenet(keras, input_size=32, channels=(16, 16, 32)),
            "residual (Adds)": lambda: f.residual(keras),
            "two-branch": lambda: f.two_branch(keras), "three-way Add": lambda: f.three_way_add(keras)}


def main():
    import keras

    from resource_models.tflite import read_tflite
    from resource_models.tflite_order import optimise
    from resource_models.tflite_rewrite import reorder_operators
    from utils import convert_to_tflite, quiet_conversion, tflm_arena_usage

    print(f"{'model':<16} {'ops':>3}  {'converter order: peak / predicted / TFLM':>41}  "
          f"{'optimal order: peak / predicted / TFLM':>39}  {'+ offline plan: predicted / TFLM':>33}"
          f"  search")
    for name, build in models().items():
        keras.utils.set_random_seed(0)
        model = build()
        x = np.random.default_rng(0).random((16,) + tuple(model.inputs[0].shape[1:]),
                                            dtype=np.float32)
        data = quiet_conversion(lambda: convert_to_tflite(model, x))
        graph = read_tflite(data)
        stored = graph.memory()
        start = time.perf_counter()
        best = optimise(graph)
        seconds = time.perf_counter() - start
        reordered = reorder_operators(data, best.order)
        online = read_tflite(reordered).memory()
        plan = (f"{best.arena_head_bytes:>6,} / {tflm_arena_usage(best.flatbuffer)['head']:>6,}"
                if best.offline_plan else "-")
        print(f"{name:<16} {len(graph.operators):>3}  "
              f"{stored.theoretical_peak_bytes:>13,} / {stored.arena_head_bytes:>9,} / "
              f"{tflm_arena_usage(data)['head']:>6,}    "
              f"{online.theoretical_peak_bytes:>11,} / {online.arena_head_bytes:>9,} / "
              f"{tflm_arena_usage(reordered)['head']:>6,}  {plan:>33}  "
              f"{best.search} in {seconds:.2f} s")


if __name__ == "__main__":
    main()
