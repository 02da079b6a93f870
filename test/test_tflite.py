"""resource_models.tflite on models no search produced: its prediction of TensorFlow Lite Micro's
arena head equals what TFLM measures, for the stored order and for others, and ``--optimize``
lowers the head wherever a better order or offline plan exists, without changing the outputs."""
import json
import os
import subprocess
import sys
from itertools import permutations
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from resource_models.tflite import TfliteModelError, read_tflite  # noqa: E402
from resource_models.tflite_order import _Scheduler, optimise  # noqa: E402
from resource_models.tflite_planner import lifetimes, theoretical_peak  # noqa: E402
from resource_models.tflite_rewrite import operator_table_positions, reorder_operators  # noqa: E402
from utils import quiet_conversion, tflm_arena_usage, tflm_predict  # noqa: E402

import foreign_models  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


BUILDERS = {"mobilenet": foreign_models.mobilenet, "residual": foreign_models.residual,
            "two_branch": foreign_models.two_branch}


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    return foreign_models.convert_all(BUILDERS, tmp_path_factory.mktemp("foreign"))


def _inputs(path, n=4):
    model = read_tflite(path)
    shape = model.tensors[model.inputs[0]].shape[1:]
    return np.random.default_rng(1).random((n,) + shape, dtype=np.float32)


def _random_orders(model, count, seed=0):
    rng = np.random.default_rng(seed)
    preds = model.predecessors()
    orders = []
    for _ in range(count):
        done, order = set(), []
        while len(order) < len(preds):
            ready = [i for i in range(len(preds)) if i not in done and preds[i] <= done]
            pick = int(rng.choice(ready))
            order.append(pick)
            done.add(pick)
        orders.append(order)
    return orders


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_prediction_equals_tflm_measurement_for_stored_and_random_orders(models, name):
    model = read_tflite(models[name])
    for order in [model.stored_order] + _random_orders(model, 4, seed=len(name)):
        predicted = model.memory(order)
        measured = tflm_arena_usage(reorder_operators(model.data, order))["head"]
        assert predicted.arena_head_bytes == measured, (name, order)
        assert predicted.theoretical_peak_bytes <= predicted.arena_head_bytes


def test_greedy_planner_can_exceed_the_theoretical_peak(models):
    """The residual network: TFLM lays out more than the theoretical peak (as measured)."""
    figures = read_tflite(models["residual"]).memory()
    assert figures.arena_head_bytes > figures.theoretical_peak_bytes
    assert tflm_arena_usage(models["residual"].read_bytes())["head"] == figures.arena_head_bytes


def test_least_theoretical_peak_is_exact_against_every_order(models):
    model = read_tflite(models["two_branch"])
    preds = model.predecessors()
    valid = [list(order) for order in permutations(range(len(model.operators)))
             if all(preds[i] <= set(order[:k]) for k, i in enumerate(order))]
    assert len(valid) > 1
    best = min(theoretical_peak(lifetimes(model, order)) for order in valid)
    assert _Scheduler(model).least_peak(0) == best


@pytest.mark.parametrize("name, improves", [("mobilenet", False), ("residual", True),
                                            ("two_branch", True)])
def test_cli_optimize_lowers_the_measured_head_and_keeps_outputs(models, tmp_path, name, improves):
    out = tmp_path / f"{name}_opt.tflite"
    run = subprocess.run([sys.executable, "-m", "resource_models.tflite", str(models[name]),
                          "--optimize", str(out), "--json"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert {"operators", "arena_head_bytes", "optimal_arena_head_bytes", "theoretical_peak_bytes",
            "optimal_theoretical_peak_bytes"} <= set(figures)
    before = tflm_arena_usage(models[name].read_bytes())["head"]
    after = tflm_arena_usage(out.read_bytes())["head"]
    assert figures["arena_head_bytes"] == before
    assert figures["optimal_arena_head_bytes"] == after
    assert (after < before) if improves else (after == before)
    assert after >= figures["optimal_theoretical_peak_bytes"]
    x = _inputs(models[name])
    np.testing.assert_array_equal(tflm_predict(out.read_bytes(), x, raw=True),
                                  tflm_predict(models[name].read_bytes(), x, raw=True))


def test_reordering_changes_only_the_operator_offsets(models):
    data = models["two_branch"].read_bytes()
    model = read_tflite(data)
    order = optimise(model).order
    assert order != model.stored_order
    new = reorder_operators(data, order)
    start, _ = operator_table_positions(data)
    changed = [i for i, (a, b) in enumerate(zip(data, new)) if a != b]
    assert len(new) == len(data) and changed
    assert all(start <= i < start + 4 * len(order) for i in changed)
    reread = read_tflite(new)
    assert [reread.operators[j].name for j in range(len(order))] == \
        [model.operators[i].name for i in order]


def test_offline_plan_packs_the_residual_network_into_its_theoretical_peak(models):
    model = read_tflite(models["residual"])
    result = optimise(model)
    assert result.offline_plan
    assert result.arena_head_bytes == result.theoretical_peak_bytes
    assert read_tflite(result.flatbuffer).offline_offsets is not None
    assert tflm_arena_usage(result.flatbuffer)["head"] == result.theoretical_peak_bytes


def test_unknown_operator_is_a_one_line_error(tmp_path):
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec((1, 8), tf.float32)])
    def cumulative(x):
        return tf.math.cumsum(x, axis=1)

    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        [cumulative.get_concrete_function()], cumulative)
    path = tmp_path / "cumsum.tflite"
    path.write_bytes(quiet_conversion(converter.convert))
    with pytest.raises(TfliteModelError, match="CUMSUM"):
        read_tflite(path)
    run = subprocess.run([sys.executable, "-m", "resource_models.tflite", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "CUMSUM" in run.stderr and str(path) in run.stderr


def test_not_a_model_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.tflite"
    bad.write_bytes(b"not a flatbuffer at all")
    run = subprocess.run([sys.executable, "-m", "resource_models.tflite", str(bad), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "bad.tflite" in run.stderr


def test_reading_models_imports_neither_tensorflow_nor_the_tflm_runtime(models):
    code = ("import sys; from resource_models.tflite import analyse; "
            f"analyse({str(models['two_branch'])!r}); "
            "print(sorted(m for m in sys.modules if m.startswith(('tensorflow', 'tflite_micro', "
            "'keras'))))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_the_schema_loads_once_for_threads_that_ask_at_the_same_time():
    """Threads reading models at once (the latency study) all get the fully loaded schema; it
    used to be registered before it was executed, so a second thread could see it half-loaded."""
    import subprocess
    import sys
    code = ("import threading\n"
            "from resource_models.tflite_schema import load_schema\n"
            "barrier, got = threading.Barrier(8), []\n"
            "def ask():\n"
            "    barrier.wait()\n"
            "    got.append(load_schema())\n"
            "ts = [threading.Thread(target=ask) for _ in range(8)]\n"
            "[t.start() for t in ts]; [t.join() for t in ts]\n"
            "assert len({id(m) for m in got}) == 1, 'several modules'\n"
            "assert all(hasattr(m, 'ModelT') and hasattr(m, 'BuiltinOperator') for m in got)\n")
    for _ in range(5):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
