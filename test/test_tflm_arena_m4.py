"""resource_models.tflm_arena's Cortex-M4 figures equal what the firmware measures: for TFLM's
reference kernels and for CMSIS-NN's, the predicted arena head (planned activations and each
kernel's scratch buffers), tail (the 32-bit target's persistent structs, kernel data, kernel sums,
variable tensors), total and smallest arena that runs are exactly the figures mcu.harness reads
from the RecordingMicroAllocator in QEMU (and finds by bisection), on models no search produced:
a residual network, a depthwise-separable one, a transposed convolution CMSIS-NN runs as a
convolution, and TFLM's own LSTM and SVDF models. The whole comparison, on more models, is
benchmarks/bench_tflm_arena_m4.py."""
from pathlib import Path

import pytest

from conftest import ROOT

KERNELS = ("reference", "cmsis-nn")
SHIPPED = Path(ROOT) / "test" / "data" / "tflm_models"
BUILT = ("residual", "mobilenet", "transpose_conv_wide")
NAMES = BUILT + ("trained_lstm_int8", "keyword_scrambled_8bit")


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """name -> .tflite: the Keras builders converted as the export converts (int8), and TFLM's
    LSTM (int8, int16 cell state) and SVDF (int8, variable state) models."""
    import keras  # noqa: F401  (foreign_models imports it inside the builders)

    import foreign_models
    paths = foreign_models.convert_all({name: getattr(foreign_models, name) for name in BUILT},
                                       tmp_path_factory.mktemp("arena_m4"))
    paths.update({name: SHIPPED / f"{name}.tflite" for name in NAMES if name not in BUILT})
    return paths


@pytest.fixture(scope="module")
def measured(models):
    from mcu.library import ensure_library
    from mcu.toolchain import ensure_toolchain
    from mcu import measure
    ensure_toolchain()
    figures = {}
    for kernels in KERNELS:
        ensure_library(kernels)
        for name, path in models.items():
            m = measure(path, kernels, warmup=0, repeats=1, x86=False)
            figures[name, kernels] = (m.arena_head_bytes, m.arena_tail_bytes,
                                      m.arena_total_bytes, m.min_arena_bytes)
    return figures


def test_the_models_exercise_the_kernels_whose_allocations_differ(models):
    from resource_models.tflite import read_tflite
    ops = {op.name for path in models.values() for op in read_tflite(path).operators}
    assert {"ADD", "DEPTHWISE_CONV_2D", "CONV_2D", "TRANSPOSE_CONV", "UNIDIRECTIONAL_SEQUENCE_LSTM",
            "SVDF", "FULLY_CONNECTED", "SOFTMAX", "MEAN"} <= ops


@pytest.mark.parametrize("kernels", KERNELS)
@pytest.mark.parametrize("name", NAMES)
def test_predicted_head_tail_total_and_smallest_arena_are_measured_ones(models, measured, name,
                                                                         kernels):
    from resource_models.tflite import read_tflite
    from resource_models.tflm_arena import arena_figures
    predicted = arena_figures(read_tflite(models[name]), "cortex-m4", kernels)
    assert (predicted.head_bytes, predicted.tail_bytes, predicted.total_bytes,
            predicted.min_arena_bytes) == measured[name, kernels]
    assert predicted.measured_target


def test_cmsis_nn_changes_what_the_models_need(measured):
    # The two kernel sets really differ on these models (a check that each prediction's kernel set
    # matters): CMSIS-NN's kernel data, kernel sums and buffers move the tail or the head.
    for name in NAMES:
        assert measured[name, "reference"] != measured[name, "cmsis-nn"], name
