"""The per-operator latency model of the Cortex-M4 (resource_models.tflm_latency) and its fit
(mcu.latency_fit): predictions on measured models it was not fitted on, the shipped coefficients
refitted from the committed measurements, coefficients recovered from a tiny CSV, and refusals.
No firmware runs here (test_mcu_profile.py checks the per-operator measurement itself).
"""
import csv
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import CHILD, ROOT

KERNELS = ("cmsis-nn", "reference")
DATA = os.path.join(ROOT, "test", "data", "tflm_latency")
MEASUREMENTS = os.path.join(ROOT, "benchmarks", "results", "mcu_latency_model", "operators.csv")
# The tolerance the README reports the held-out figures at (nn-Meter's +/-10 %).
TOLERANCE = 0.10


def _golden():
    return json.load(open(os.path.join(DATA, "measured.json")))


@pytest.mark.parametrize("kernels", KERNELS)
@pytest.mark.parametrize("name", sorted(_golden()))
def test_held_out_models_are_predicted_within_the_tolerance(name, kernels):
    """Models the shipped coefficients were not fitted on, measured by the firmware harness."""
    from resource_models.tflite import read_tflite
    from resource_models.tflm_latency import predicted_instructions
    golden = _golden()[name]
    shipped = json.load(open(os.path.join(ROOT, "resource_models", "data", "tflm_latency.json")))
    assert golden["model"] in shipped["held_out_model_names"]
    measured = golden["instructions"][kernels]
    predicted = predicted_instructions(read_tflite(os.path.join(DATA, name)), kernels)
    assert abs(predicted / measured - 1) <= TOLERANCE


def test_the_shipped_coefficients_are_the_fit_of_the_committed_measurements(tmp_path):
    out = tmp_path / "fit.json"
    run = subprocess.run([sys.executable, "-m", "mcu.latency_fit", "fit", MEASUREMENTS,
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT, **CHILD)
    assert run.returncode == 0, run.stderr
    refit = json.loads(out.read_text())
    shipped = json.load(open(os.path.join(ROOT, "resource_models", "data", "tflm_latency.json")))
    assert refit["held_out_model_names"] == shipped["held_out_model_names"]
    for kernels in KERNELS:
        for part in ("groups", "invoke"):
            got, want = refit["kernels"][kernels][part], shipped["kernels"][kernels][part]
            assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True) or \
                np.allclose(_flat(got), _flat(want), rtol=1e-9, atol=1e-9)
    assert np.allclose(_flat(refit["held_out"]), _flat(shipped["held_out"]), rtol=1e-9)


def _flat(tree):
    if isinstance(tree, dict):
        return [v for key in sorted(tree) for v in _flat(tree[key])]
    if isinstance(tree, list):
        return [v for item in tree for v in _flat(item)]
    return [tree] if isinstance(tree, (int, float)) else []


def test_a_tiny_csv_gives_back_the_coefficients_it_was_made_with(tmp_path):
    """Operators of 40 measured models (of the common kernel paths, so that the held-out ones
    have no path the training ones lack) whose instructions are made exactly linear in their
    features with known coefficients (and a known overhead per invoke and per operator): the fit
    predicts every operator and every model exactly."""
    from mcu.latency_fit import fit, read_operators
    from resource_models.tflm_latency import (DESCRIPTOR_FIELDS, operator_features,
                                              operator_group)
    rows = read_operators(MEASUREMENTS)
    common = {"CONV_2D", "CONV_2D/generic", "CONV_2D/1x1_fast", "DEPTHWISE_CONV_2D",
              "DEPTHWISE_CONV_2D/3x3", "DEPTHWISE_CONV_2D/opt", "FULLY_CONNECTED", "MAX_POOL_2D",
              "RESHAPE"}
    rare = {r["model"] for r in rows for kernels in KERNELS
            if operator_group({k: r[k] for k in DESCRIPTOR_FIELDS}, kernels) not in common}
    models = sorted({r["model"] for r in rows} - rare)[:40]
    rows = [r for r in rows if r["model"] in models]
    rng = np.random.default_rng(3)
    made = {}                                    # (kernels, group) -> {feature: coefficient}
    overhead = {"cmsis-nn": (500.0, 9.0), "reference": (300.0, 11.0)}
    for kernels in KERNELS:
        totals = {}
        for r in rows:
            d = {k: r[k] for k in DESCRIPTOR_FIELDS}
            features = operator_features(d, kernels)
            coefficients = made.setdefault((kernels, operator_group(d, kernels)),
                                           {n: float(rng.integers(1, 50)) for n in features})
            r[f"instructions_{kernels}"] = int(sum(coefficients[n] * v
                                                   for n, v in features.items()))
            totals[r["model"]] = totals.get(r["model"], 0) + r[f"instructions_{kernels}"]
        for r in rows:
            ops = r["model_operators"]
            r[f"model_instructions_{kernels}"] = int(totals[r["model"]] + overhead[kernels][0]
                                                     + overhead[kernels][1] * ops)
    tiny = tmp_path / "tiny.csv"
    with open(tiny, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = fit(read_operators(tiny), held_out=0.25, seed=0)
    for kernels in KERNELS:
        fitted = result["kernels"][kernels]
        assert fitted["invoke"]["coefficients"] == pytest.approx(overhead[kernels], rel=1e-6)
        for r in read_operators(tiny):
            d = {k: r[k] for k in DESCRIPTOR_FIELDS}
            group = fitted["groups"][operator_group(d, kernels)]
            features = operator_features(d, kernels)
            predicted = sum(c * features[n] for n, c in zip(group["features"],
                                                             group["coefficients"]))
            # (abs: the instructions were rounded to integers)
            assert predicted == pytest.approx(r[f"instructions_{kernels}"], rel=1e-6, abs=1.0)
        assert result["held_out"][kernels]["per_operator_model"]["within_10_percent"] == 1.0
        assert result["held_out"][kernels]["per_operator_model"]["max_abs_relative_error"] < 1e-4


def _model(op_name, options=None):
    from resource_models.tflite import TfliteModel, TfliteOperator, TfliteTensor
    tensors = [TfliteTensor("in", (1, 8, 8, 4), "INT8", False),
               TfliteTensor("out", (1, 8, 8, 4), "INT8", False)]
    return TfliteModel("built.tflite", b"", tensors,
                       [TfliteOperator(0, op_name, [0], [1], options=options or {})], [0], [1])


@pytest.mark.parametrize("kernels", KERNELS)
def test_an_operator_without_measurements_is_refused_in_one_line(kernels):
    from resource_models.errors import ResourceModelError
    from resource_models.tflm_latency import UnmodelledLatencyError, predicted_instructions
    with pytest.raises(UnmodelledLatencyError, match=r"operator 0 \(TANH.*no latency model") as e:
        predicted_instructions(_model("TANH"), kernels)
    assert isinstance(e.value, ResourceModelError) and "\n" not in str(e.value)
    # A pooling built without its geometry is refused, not guessed.
    with pytest.raises(UnmodelledLatencyError, match=r"MAX_POOL_2D\) has no filter"):
        predicted_instructions(_model("MAX_POOL_2D", {"same_padding": True, "stride": (1, 1)}),
                               kernels)
    # A built model (no flatbuffer bytes) of a modelled operator is predicted.
    pooled = _model("MAX_POOL_2D", {"same_padding": True, "stride": (1, 1), "filter": (2, 2)})
    assert predicted_instructions(pooled, kernels) > 0


def test_an_unknown_kernel_set_is_refused():
    from resource_models.tflm_latency import UnmodelledLatencyError, predicted_instructions
    with pytest.raises(UnmodelledLatencyError, match="'mve'"):
        predicted_instructions(_model("MAX_POOL_2D"), "mve")


@pytest.mark.parametrize("kernels", KERNELS)
def test_cli_adds_the_prediction_for_the_cortex_m4(kernels):
    from resource_models.tflite import read_tflite
    from resource_models.tflm_latency import predicted_instructions
    name = sorted(_golden())[0]
    path = os.path.join(DATA, name)
    run = subprocess.run([sys.executable, "-m", "resource_models.tflite", path, "--json",
                          "--target", "cortex-m4", "--kernels", kernels],
                         capture_output=True, text=True, cwd=ROOT, **CHILD)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert figures["predicted_instructions"] == predicted_instructions(read_tflite(path), kernels)
    wheel = subprocess.run([sys.executable, "-m", "resource_models.tflite", path, "--json"],
                           capture_output=True, text=True, cwd=ROOT, **CHILD)
    assert "predicted_instructions" not in json.loads(wheel.stdout)
