"""search_state_processor.py STATE --export DIR on a small real search: every exported model runs in
TensorFlow Lite Micro with exactly the predicted arena head, keeps its accuracy in int8, and bad
input is one line, exit 2, with nothing written."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from deploy_state import tiny_digits_state

ROOT = Path(__file__).resolve().parents[1]
SUMMARY_KEYS = {"id", "file", "c_file", "float_test_accuracy", "int8_test_accuracy",
                "tflite_bytes", "peak_memory_usage", "theoretical_peak_bytes",
                "predicted_arena_head_bytes", "tflm_arena_head_bytes", "tflm_arena_total_bytes",
                "operator_order", "int8_accuracy_interpreter"}


def processor(*args, timeout=900):
    return subprocess.run([sys.executable, "search_state_processor.py", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    return tiny_digits_state(tmp_path_factory)


@pytest.fixture(scope="module")
def exported(state, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "models"
    run = processor(state, "--export", out)
    assert run.returncode == 0, run.stderr[-3000:]
    return out, json.loads((out / "summary.json").read_text()), run.stdout


def test_summary_has_every_figure_and_the_prediction_equals_tflm(exported):
    out, summary, stdout = exported
    models = summary["models"]
    assert models and all(SUMMARY_KEYS <= set(m) for m in models)
    for m in models:
        assert m["predicted_arena_head_bytes"] == m["tflm_arena_head_bytes"]
        assert m["predicted_arena_tail_bytes"] == m["tflm_arena_tail_bytes"]
        assert m["predicted_arena_total_bytes"] == m["tflm_arena_total_bytes"]
        assert m["theoretical_peak_bytes"] <= m["predicted_arena_head_bytes"]
        assert m["tflm_arena_total_bytes"] > m["tflm_arena_head_bytes"]
        assert (out / m["file"]).stat().st_size == m["tflite_bytes"]
        assert f"{m['tflm_arena_head_bytes']:,}" in stdout          # the printed table
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["summary.json"] + [m[k] for m in models for k in ("file", "h_file", "c_file")])


def test_predicted_smallest_arena_is_the_smallest_the_exported_models_run_in(exported):
    from utils import TflmArenaProbe

    out, summary, _ = exported
    with TflmArenaProbe() as probe:
        for m in summary["models"]:
            assert probe.runs(out / m["file"], m["predicted_min_arena_bytes"])
            assert not any(probe.runs(out / m["file"], m["predicted_min_arena_bytes"] - less)
                           for less in (1, 4, 8, 16))


def test_int8_accuracy_within_two_points_and_tflm_agrees_with_the_reference(exported):
    _, summary, _ = exported
    for m in summary["models"]:
        assert abs(m["int8_test_accuracy"] - m["float_test_accuracy"]) <= 0.02
        # TFLM requantises FULLY_CONNECTED with gemmlowp's two roundings, LiteRT with one rounding
        # of the full product (test_tflite_rounding.py reproduces both by hand on a one-layer
        # model), so an output may differ by one step; never by more, and the classes they
        # predict agree on (almost) every test input.
        assert m["tflm_reference_max_abs_difference"] <= 1
        assert m["tflm_reference_same_class"] >= 0.99 * m["test_samples"]


def test_exported_model_is_an_int8_model_with_the_written_order(exported):
    from resource_models.tflite import read_tflite

    out, summary, _ = exported
    for m in summary["models"]:
        model = read_tflite(out / m["file"])
        assert model.tensors[model.inputs[0]].dtype == "INT8"
        assert model.tensors[model.outputs[0]].dtype == "INT8"
        assert model.tensors[model.inputs[0]].shape[0] == 1
        assert [op.name for op in model.operators] == m["operators"]
        assert model.memory().arena_head_bytes == m["predicted_arena_head_bytes"]


def test_c_array_is_aligned_and_holds_the_model(exported):
    out, summary, _ = exported
    for m in summary["models"]:
        source = (out / m["c_file"]).read_text()
        data = (out / m["file"]).read_bytes()
        assert "alignas(16) const unsigned char" in source
        assert f"_len = {len(data)};" in source
        body = source[source.index("{") + 1:source.index("};")]
        assert bytes(int(x, 16) for x in body.replace("\n", "").split(", ")) == data
        assert f"#include \"{m['h_file']}\"" in source


def test_exported_order_needs_no_more_arena_than_the_converters_order(exported):
    """The export writes the order with the least TFLM arena head: measured in TFLM, the written
    model needs at most what the same operators in the converter's order need, and less for this
    model (its converter order leaves a large tensor alive across a branch)."""
    from resource_models.tflite_rewrite import reorder_operators
    from utils import tflm_arena_usage

    out, summary, _ = exported
    lower = 0
    for m in summary["models"]:
        data = (out / m["file"]).read_bytes()
        if m["offline_memory_plan"]:  # an offline plan is laid out for the written order only
            continue
        # operator_order lists the converter's operator indices in the written order
        converter_order = [m["operator_order"].index(i) for i in range(len(m["operator_order"]))]
        converters = tflm_arena_usage(reorder_operators(data, converter_order))["head"]
        written = tflm_arena_usage(data)["head"]
        assert written <= converters, m["id"]
        assert converters == m["converter_order_arena_head_bytes"]
        lower += written < converters
    assert lower >= 1, [(m["tflm_arena_head_bytes"], m["converter_order_arena_head_bytes"])
                        for m in summary["models"]]


def _one_line_error(run, *needles):
    assert run.returncode == 2, run.stderr[-2000:]
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and all(n in last for n in needles), last


def test_unknown_point_is_one_line_and_writes_nothing(state, tmp_path):
    out = tmp_path / "none"
    _one_line_error(processor(state, "--export", out, "--points", "0,99"), "99")
    assert not out.exists() and not list(tmp_path.iterdir())


def test_missing_weights_file_is_one_line(state, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(state.parent, copy, ignore=shutil.ignore_patterns("*.weights.h5", "complete"))
    out = tmp_path / "out"
    _one_line_error(processor(copy / state.name, "--export", out), "weights", "--retrain")
    assert not out.exists()


def test_arena_limit_failure_leaves_an_earlier_export_untouched(state, exported, tmp_path):
    earlier, summary, _ = exported
    out = tmp_path / "kept"
    shutil.copytree(earlier, out)
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    _one_line_error(processor(state, "--export", out, "--arena-limit", 100), "--arena-limit")
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]


def test_exported_model_outputs_on_tflm_match_keras_predictions(state, exported):
    import search_state_processor as ssp
    from dataset import Digits
    from utils import tflm_predict

    out, summary, _ = exported
    loaded = ssp.load_search_state(state)
    x = Digits().splits().x_test[:60]
    for m in summary["models"]:
        point = next(p for p in loaded.points if p.id == m["id"])
        keras_classes = loaded.keras_model(point).predict(x, verbose=0).argmax(-1)
        tflm_classes = tflm_predict((out / m["file"]).read_bytes(), x).argmax(-1)
        assert np.mean(keras_classes == tflm_classes) >= 0.9


RETRAIN_CONFIG = '''
import keras
from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import Digits
from search_algorithms import AgingEvoSearch

search_algorithm = AgingEvoSearch
training_config = TrainingConfig(dataset=Digits(), callbacks=lambda: [], batch_size=64, epochs=3,
                                 optimizer=lambda: keras.optimizers.Adam(learning_rate=0.01))
search_config = AgingEvoConfig(search_space=CnnSearchSpace(), rounds=1)
bound_config = BoundConfig(error_bound=0.5)
'''


def test_retrain_trains_a_point_without_weights_with_the_config(state, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(state.parent, copy, ignore=shutil.ignore_patterns("*.weights.h5", "complete"))
    out = tmp_path / "out"
    _one_line_error(processor(copy / state.name, "--export", out, "--retrain"), "--config")
    assert not out.exists()
    config = tmp_path / "tiny_config.py"
    config.write_text(RETRAIN_CONFIG)
    run = processor(copy / state.name, "--export", out, "--retrain", "--config", config)
    assert run.returncode == 0, run.stderr[-3000:]
    (model,) = json.loads((out / "summary.json").read_text())["models"]
    assert model["weights"] == "retrained"
    assert model["predicted_arena_head_bytes"] == model["tflm_arena_head_bytes"]
