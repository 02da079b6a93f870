"""resource_models.tflm_arena: TensorFlow Lite Micro's whole arena (head, tail, total, smallest
arena) predicted from a .tflite file equals what the tflite-micro wheel measures, on models no
search produced (Keras-built ones and models TFLM itself ships: SVDF, LSTM, int16 transpose
convolution); the Cortex-M4 figures (reference and CMSIS-NN kernels) are labelled as measured
(test_tflm_arena_m4.py checks them against the firmware); an operator without a model is a
one-line refusal."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from resource_models.tflite import read_tflite  # noqa: E402
from resource_models.tflm_arena import arena_figures, kernel_costs  # noqa: E402
from resource_models.tflm_cmsis_nn import convolve_s8_buffer, depthwise_s8_buffer  # noqa: E402
from utils import TflmArenaProbe, quiet_conversion, tflm_arena_usage  # noqa: E402

import foreign_models  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "test" / "data" / "tflm_models"
BUILDERS = {name: getattr(foreign_models, name) for name in
            ("mobilenet", "residual", "two_branch", "three_way_add", "transpose_conv",
             "elementwise", "tiny_conv", "dense_chain")}


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """name -> .tflite path: the Keras builders converted to int8 as the export converts, and the
    models TFLM ships (test/data/tflm_models/README.md)."""
    paths = {p.stem: p for p in sorted(SHIPPED.glob("*.tflite"))}
    paths.update(foreign_models.convert_all(BUILDERS, tmp_path_factory.mktemp("arena")))
    return paths


ALL = sorted(BUILDERS) + ["keyword_scrambled_8bit", "trained_lstm_int8",
                          "seanet_transpose_conv2_int16"]


def test_models_cover_the_operators_tinyml_models_use(models):
    seen = {op.name for path in models.values() for op in read_tflite(path).operators}
    assert {"TRANSPOSE_CONV", "SVDF", "UNIDIRECTIONAL_SEQUENCE_LSTM", "CONCATENATION", "PAD",
            "STRIDED_SLICE", "LEAKY_RELU", "SUB", "MUL", "QUANTIZE", "LOGISTIC", "TANH",
            "RELU6", "MEAN", "SOFTMAX", "ADD", "AVERAGE_POOL_2D", "MAX_POOL_2D"} <= seen


@pytest.mark.parametrize("name", ALL)
def test_head_tail_and_total_equal_the_wheels_measurement(models, name):
    data = models[name].read_bytes()
    predicted = arena_figures(read_tflite(data))
    measured = tflm_arena_usage(data)
    assert (predicted.head_bytes, predicted.tail_bytes, predicted.total_bytes) == \
        (measured["head"], measured["tail"], measured["total"])
    assert predicted.measured_target


@pytest.mark.parametrize("name", ["mobilenet", "residual", "elementwise", "transpose_conv",
                                  "tiny_conv", "dense_chain", "trained_lstm_int8",
                                  "keyword_scrambled_8bit"])
def test_min_arena_is_the_smallest_arena_that_runs(models, name):
    figures = arena_figures(read_tflite(models[name]))
    with TflmArenaProbe() as probe:
        assert probe.runs(models[name], figures.min_arena_bytes)
        assert not any(probe.runs(models[name], figures.min_arena_bytes - less)
                       for less in (1, 4, 8, 16))


@pytest.mark.parametrize("name", ALL)
def test_a_32_bit_target_has_a_smaller_tail_and_the_same_reference_head(models, name):
    model = read_tflite(models[name])
    wheel, m4 = arena_figures(model), arena_figures(model, "cortex-m4")
    assert m4.head_bytes == wheel.head_bytes
    assert m4.tail_bytes < wheel.tail_bytes
    assert m4.measured_target          # checked against the firmware (test_tflm_arena_m4.py)


def test_cmsis_nn_buffers_follow_cmsis_nn_formulas(models):
    model = read_tflite(models["mobilenet"])
    convs = [op for op in model.operators if op.name == "CONV_2D"]
    depthwise = [op for op in model.operators if op.name == "DEPTHWISE_CONV_2D"]
    # first conv: 3x3 over 3 channels -> 2 im2col columns of 27 rounded to 28 int16 values
    assert convolve_s8_buffer(model, convs[0]) == 2 * 28 * 2
    assert [convolve_s8_buffer(model, op) for op in convs[1:]] == [0, 0]   # 1x1: none (GCC)
    assert [depthwise_s8_buffer(model, op) for op in depthwise] == [0, 0]  # 3x3, pad 1
    costs = kernel_costs(model, "cortex-m4", "cmsis-nn")
    assert costs[0].scratch == [112]
    cmsis, reference = (arena_figures(model, "cortex-m4", k) for k in ("cmsis-nn", "reference"))
    assert cmsis.head_bytes >= reference.head_bytes


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "resource_models.tflite", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_cli_prints_the_runtimes_figures(models):
    run = _cli(models["mobilenet"], "--json")
    assert run.returncode == 0, run.stderr
    wheel = json.loads(run.stdout)
    measured = tflm_arena_usage(models["mobilenet"].read_bytes())
    assert (wheel["arena_head_bytes"], wheel["arena_tail_bytes"], wheel["arena_total_bytes"]) == \
        (measured["head"], measured["tail"], measured["total"])
    assert wheel["min_arena_bytes"] >= wheel["arena_head_bytes"]
    assert wheel["target"] == "x86-64" and wheel["arena_figures"] == "measured on this runtime"
    run = _cli(models["mobilenet"], "--json", "--target", "cortex-m4", "--kernels", "cmsis-nn")
    assert run.returncode == 0, run.stderr
    m4 = json.loads(run.stdout)
    assert (m4["target"], m4["kernels"]) == ("cortex-m4", "cmsis-nn")
    assert m4["arena_figures"] == "measured on this runtime"
    expected = arena_figures(read_tflite(models["mobilenet"]), "cortex-m4", "cmsis-nn")
    assert (m4["arena_head_bytes"], m4["arena_tail_bytes"], m4["arena_total_bytes"],
            m4["min_arena_bytes"]) == (expected.head_bytes, expected.tail_bytes,
                                       expected.total_bytes, expected.min_arena_bytes)
    assert m4["arena_tail_bytes"] < wheel["arena_tail_bytes"]


def test_unmodelled_runtime_or_operator_is_a_one_line_refusal(models, tmp_path):
    run = _cli(models["mobilenet"], "--kernels", "cmsis-nn")          # CMSIS-NN on x86-64
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "cmsis-nn" in run.stderr
    import tensorflow as tf

    keras = tf.keras
    inputs = keras.Input((6, 6, 2))                  # float CONV_2D: no CMSIS-NN model
    converter = tf.lite.TFLiteConverter.from_keras_model(
        keras.Model(inputs, keras.layers.Conv2D(3, 3)(inputs)))
    path = tmp_path / "float_conv.tflite"
    path.write_bytes(quiet_conversion(converter.convert))
    run = _cli(path, "--target", "cortex-m4", "--kernels", "cmsis-nn")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "CONV_2D" in run.stderr and "FLOAT32" in run.stderr

    @tf.function(input_signature=[tf.TensorSpec((1, 8), tf.float32)])
    def absolute(x):                 # ABS: its head is modelled (no scratch), its tail is not
        return tf.math.abs(x) * 2.0

    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        [absolute.get_concrete_function()], absolute)
    path = tmp_path / "abs.tflite"
    path.write_bytes(quiet_conversion(converter.convert))
    assert "ABS" in {op.name for op in read_tflite(path).operators}
    run = _cli(path, "--json")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "ABS" in run.stderr and str(path) in run.stderr and not run.stdout
