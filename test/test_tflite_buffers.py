"""TFLM's arena rules that resource_models.tflite reproduces, each on a model where it decides the
head: every buffer rounded up to 16 bytes, and the scratch buffers of MEAN, SUM and REDUCE_MAX
(the peak is at the reduction). The expected heads are worked out by hand from TFLM's rules and
measured in the TFLM interpreter."""
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from resource_models.tflite import read_tflite  # noqa: E402
from utils import tflm_arena_usage  # noqa: E402


def build(keras, kind):
    L = keras.layers
    if kind == "odd_sizes":
        i = keras.Input((5, 5, 3))                        # 75 bytes
        h = L.Conv2D(7, 3, activation="relu")(i)          # 3 x 3 x 7 = 63 bytes
        h = L.Flatten()(L.Conv2D(5, 2)(h))                # 2 x 2 x 5 = 20 bytes
        return keras.Model(i, L.Dense(3)(h))
    i = keras.Input((8, 8, 1))
    h = L.Conv2D(64, 3, padding="same", activation="relu")(i)   # 4,096 bytes
    if kind == "MEAN":
        h = L.GlobalAveragePooling2D()(h)
    elif kind == "REDUCE_MAX":
        h = L.GlobalMaxPooling2D()(h)
    else:  # SUM
        h = L.Lambda(lambda t: keras.ops.sum(t, axis=(1, 2)))(h)
    return keras.Model(i, L.Dense(10)(h))                       # 64 bytes in, 10 out


#: The arena head by hand. odd_sizes: the first convolution's input and output are live together,
#: 75 -> 80 and 63 -> 64 bytes (unrounded: 138). The reductions: input 4,096 and output 64 bytes,
#: plus scratch for the input's rank (4 int32 = 16 bytes) and the reduced axes (2 int32 = 8 -> 16
#: bytes); MEAN and SUM of int8 also keep an int32 accumulator per output element (256 bytes).
EXPECTED_HEAD = {"odd_sizes": 80 + 64, "MEAN": 4096 + 64 + 256 + 16 + 16,
                 "SUM": 4096 + 64 + 256 + 16 + 16, "REDUCE_MAX": 4096 + 64 + 16 + 16}


@pytest.fixture(scope="module")
def flatbuffers():
    import keras

    from utils import convert_to_tflite, quiet_conversion
    out = {}
    for kind in EXPECTED_HEAD:
        keras.utils.set_random_seed(0)
        model = build(keras, kind)
        x = np.random.default_rng(0).random((16,) + tuple(model.inputs[0].shape[1:]),
                                            dtype=np.float32)
        out[kind] = quiet_conversion(lambda: convert_to_tflite(model, x))
    return out


@pytest.mark.parametrize("kind", sorted(EXPECTED_HEAD))
def test_predicted_head_is_tflms_and_the_hand_worked_figure(flatbuffers, kind):
    model = read_tflite(flatbuffers[kind])
    if kind != "odd_sizes":
        assert kind in [op.name for op in model.operators]
    measured = tflm_arena_usage(flatbuffers[kind])["head"]
    assert measured == EXPECTED_HEAD[kind]
    assert model.memory().arena_head_bytes == measured
