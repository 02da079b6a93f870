"""Why TFLM's int8 outputs may differ from LiteRT's by one step: the two runtimes round a
FULLY_CONNECTED layer's requantisation differently. On a one-layer model, a hand computation from
the flatbuffer's quantisation parameters reproduces each runtime exactly: TFLM multiplies the int32
accumulator by the quantised multiplier with gemmlowp's two roundings (a rounding doubling high
multiply, then a rounding right shift), LiteRT (reference and builtin kernels) with one rounding of
the full product. The export's comparison with LiteRT therefore allows one step, and no more."""
import numpy as np


def _quantised_multipliers(real):
    """(q, shift) with real = q * 2^(shift - 31), q in [2^30, 2^31), as TFLite quantises them."""
    fraction, exponent = np.frexp(real)
    q = np.round(fraction * (1 << 31)).astype(np.int64)
    carry = q == (1 << 31)
    return np.where(carry, q // 2, q), np.where(carry, exponent + 1, exponent).astype(np.int64)


def _two_roundings(acc, q, shift):
    """gemmlowp: SaturatingRoundingDoublingHighMul(acc << left, q), then RoundingDivideByPOT."""
    acc = acc * (np.int64(1) << np.maximum(shift, 0))
    product = acc * q
    nudged = product + np.where(product >= 0, 1 << 30, 1 - (1 << 30))
    high = np.where(nudged < 0, -((-nudged) >> 31), nudged >> 31)        # truncates toward zero
    right = np.maximum(-shift, 0)
    mask = (np.int64(1) << right) - 1
    threshold = (mask >> 1) + (high < 0)
    return (high >> right) + ((high & mask) > threshold)


def _one_rounding(acc, q, shift):
    """(acc * q) / 2^(31 - shift), rounded once (half up)."""
    total = 31 - shift
    return (acc * q + (np.int64(1) << (total - 1))) >> total


def test_tflm_and_litert_round_fully_connected_differently_and_each_as_computed_by_hand():
    import keras

    from utils import (convert_to_tflite, quiet_conversion, tflite_interpreter, tflite_predict,
                       tflm_predict)

    rng = np.random.default_rng(0)
    inp = keras.Input((64,))
    model = keras.Model(inp, keras.layers.Dense(10)(inp))
    model.layers[1].set_weights([rng.normal(0, 0.3, (64, 10)).astype(np.float32),
                                 rng.normal(0, 0.3, 10).astype(np.float32)])
    x = rng.normal(size=(1000, 64)).astype(np.float32)
    flatbuffer = quiet_conversion(lambda: convert_to_tflite(model, x[:200]))
    tflm = tflm_predict(flatbuffer, x, raw=True).astype(np.int64)
    litert = tflite_predict(flatbuffer, x, raw=True).astype(np.int64)

    interpreter = tflite_interpreter(flatbuffer)
    interpreter.allocate_tensors()
    (fc,) = [op for op in interpreter._get_ops_details() if op["op_name"] == "FULLY_CONNECTED"]
    quant = {d["index"]: d["quantization_parameters"] for d in interpreter.get_tensor_details()}
    x_index, w_index, b_index = fc["inputs"]
    (y_index,) = fc["outputs"]
    weights = interpreter.get_tensor(w_index).astype(np.int64)
    bias = interpreter.get_tensor(b_index).astype(np.int64)
    x_scale, x_zero = quant[x_index]["scales"][0], quant[x_index]["zero_points"][0]
    y_scale, y_zero = quant[y_index]["scales"][0], quant[y_index]["zero_points"][0]
    w_scales = quant[w_index]["scales"]
    assert np.all(quant[w_index]["zero_points"] == 0)
    xq = np.clip(np.round(x / x_scale + x_zero), -128, 127).astype(np.int64)
    acc = (xq - x_zero) @ weights.T + bias
    real = (np.float64(np.float32(x_scale)) * w_scales.astype(np.float32).astype(np.float64)
            / np.float64(np.float32(y_scale)))
    q, shift = _quantised_multipliers(real)

    by_tflm_rule = np.clip(_two_roundings(acc, q, shift) + y_zero, -128, 127)
    by_litert_rule = np.clip(_one_rounding(acc, q, shift) + y_zero, -128, 127)
    np.testing.assert_array_equal(tflm, by_tflm_rule)
    np.testing.assert_array_equal(litert, by_litert_rule)
    differ = tflm != litert
    assert differ.any()                                   # the difference is real ...
    assert np.abs(tflm - litert).max() == 1               # ... and one step at most


def test_conv_and_depthwise_conv_round_alike_in_both_runtimes():
    """The one-step differences are FULLY_CONNECTED's alone: CONV_2D and DEPTHWISE_CONV_2D give
    identical int8 outputs in TFLM and LiteRT."""
    import keras

    from utils import convert_to_tflite, quiet_conversion, tflite_predict, tflm_predict

    rng = np.random.default_rng(0)
    inp = keras.Input((8, 8, 4))
    model = keras.Model(inp, keras.layers.DepthwiseConv2D(3)(keras.layers.Conv2D(10, 3)(inp)))
    for layer in model.layers[1:]:
        layer.set_weights([rng.normal(0, 0.3, w.shape).astype(np.float32)
                           for w in layer.get_weights()])
    x = rng.normal(size=(300, 8, 8, 4)).astype(np.float32)
    flatbuffer = quiet_conversion(lambda: convert_to_tflite(model, x[:100]))
    np.testing.assert_array_equal(tflm_predict(flatbuffer, x, raw=True),
                                  tflite_predict(flatbuffer, x, raw=True))
