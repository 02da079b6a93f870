"""The firmware's per-operator instruction counts (``measure(..., profile=True)``), on the
smallest of the latency model's golden models (test/data/tflm_latency), with both kernel sets: one
count per operator of the stored order, adding up to the whole invoke less the interpreter's loop
and the profiler's own calls; the unprofiled figures (instructions, arena) unchanged by profiling;
and a first invoke that counts what the later ones do (why ``latency_study --profile`` runs no
warm-up).
"""
import json
import os

import pytest

from conftest import ROOT

KERNELS = ("reference", "cmsis-nn")
DATA = os.path.join(ROOT, "test", "data", "tflm_latency")
# The interpreter's loop and the profiler's two calls and tick reads, per operator: an upper
# bound (measured: 46 to 87 instructions per operator on the 419 models).
LOOP_AND_PROFILER_PER_OPERATOR = 200


@pytest.fixture(scope="module")
def model_path():
    measured = json.load(open(os.path.join(DATA, "measured.json")))
    name = min(measured, key=lambda n: measured[n]["instructions"]["reference"])
    return os.path.join(DATA, name)


@pytest.fixture(scope="module")
def libraries():
    from mcu.library import ensure_library
    from mcu.toolchain import ensure_toolchain
    ensure_toolchain()
    return {k: ensure_library(k) for k in KERNELS}


@pytest.mark.parametrize("kernels", KERNELS)
def test_operator_counts_add_up_to_the_invoke(libraries, model_path, kernels):
    from mcu import measure
    from resource_models.tflite import read_tflite
    operators = len(read_tflite(model_path).operators)
    plain = measure(model_path, kernels, find_min_arena=False, x86=False, warmup=0, repeats=3)
    profiled = measure(model_path, kernels, find_min_arena=False, x86=False, warmup=0, repeats=3,
                       profile=True)
    assert plain.operator_instructions is None
    assert len(profiled.operator_instructions) == operators
    assert all(count > 0 and count % 40 == 0 for count in profiled.operator_instructions)
    # Profiling runs after the figures, in a second interpreter: they are those of a plain run,
    # whose image holds no profiler.
    assert profiled.instructions_runs == plain.instructions_runs
    assert profiled.arena_total_bytes == plain.arena_total_bytes
    assert plain.flash_bytes < profiled.flash_bytes
    # The first invoke counts what the later ones do.
    assert len(set(plain.instructions_runs)) == 1
    gap = profiled.profiled_instructions - sum(profiled.operator_instructions)
    assert 0 <= gap <= LOOP_AND_PROFILER_PER_OPERATOR * operators
    extra = profiled.profiled_instructions - plain.instructions_per_inference
    assert 0 <= extra <= LOOP_AND_PROFILER_PER_OPERATOR * operators
