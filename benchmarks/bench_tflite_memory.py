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
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402


def models():
    import keras
    L = keras.layers

    def mobilenet():
        i = keras.Input((32, 32, 3))
        h = L.Conv2D(8, 3, strides=2, padding="same", activation="relu")(i)
        for c in (16, 16, 32):
            h = L.DepthwiseConv2D(3, padding="same", activation="relu")(h)
            h = L.Conv2D(c, 1, activation="relu")(h)
        return keras.Model(i, L.Dense(10, activation="softmax")(L.GlobalAveragePooling2D()(h)))

    def residual():
        i = keras.Input((16, 16, 4))
        h = L.Conv2D(12, 3, padding="same", activation="relu")(i)
        for _ in range(3):
            b = L.Conv2D(12, 3, padding="same", activation="relu")(h)
            h = L.Add()([h, L.Conv2D(12, 3, padding="same")(b)])
        return keras.Model(i, L.Dense(5)(L.Flatten()(L.MaxPooling2D()(h))))

    def two_branch():
        # the converter runs the branch that ends in the larger tensor first: not the best order
        i = keras.Input((16, 16, 3))
        a = L.Conv2D(32, 3, padding="same", activation="relu", name="conv2d")(i)
        a = L.Flatten(name="flatten")(L.MaxPooling2D(4, name="max_pooling2d")(a))
        b = L.Conv2D(4, 1, activation="relu", name="conv2d_1")(i)
        b = L.Flatten(name="flatten_1")(L.Conv2D(16, 3, padding="same", name="conv2d_2")(b))
        h = L.Concatenate(name="concatenate")([a, b])
        return keras.Model(i, L.Dense(3, name="dense")(h))

    def three_way_add():
        i = keras.Input((16, 16, 8))
        x = L.Conv2D(16, 3, padding="same")(i)
        a = L.Conv2D(16, 1)(x)
        b = L.Conv2D(16, 3, padding="same")(x)
        c = L.Conv2D(16, 1)(L.AveragePooling2D(3, 1, padding="same")(x))
        h = L.Conv2D(8, 3, padding="same", activation="relu")(L.Add()([a, b, c]))
        return keras.Model(i, L.Dense(4)(L.Reshape((16 * 16 * 8,))(h)))

    return {"MobileNet-style": mobilenet, "residual (Adds)": residual,
            "two-branch": two_branch, "three-way Add": three_way_add}


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
