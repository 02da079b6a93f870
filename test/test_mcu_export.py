"""search_state_processor.py STATE --export DIR --target cortex-m4 on a small real search: every
exported model is also built into Cortex-M4 firmware and run in QEMU; summary.json and the table
carry the target's figures, its arena equals the one predicted from the written .tflite, its
outputs equal the x86-64 TFLM interpreter's bit for bit, and a missing toolchain is one line,
exit 2, with nothing written."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deploy_state import tiny_digits_state

ROOT = Path(__file__).resolve().parents[1]
TARGET_KEYS = {"target", "target_kernels", "target_arena_head_bytes", "target_arena_tail_bytes",
               "target_arena_total_bytes", "target_min_arena_bytes", "target_flash_bytes",
               "target_model_flash_bytes", "target_runtime_flash_bytes", "target_data_bss_bytes",
               "target_stack_bytes", "target_instructions_per_inference", "target_samples",
               "target_bit_exact", "target_int8_accuracy", "x86_int8_accuracy_same_samples"}


ARENA_KEYS = ("arena_head_bytes", "arena_tail_bytes", "arena_total_bytes", "min_arena_bytes")


def processor(*args, env=None, timeout=1800):
    return subprocess.run([sys.executable, "search_state_processor.py", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    return tiny_digits_state(tmp_path_factory)


@pytest.fixture(scope="module")
def exported(state, tmp_path_factory):
    from mcu.prepare import main as prepare
    assert prepare() == 0
    out = tmp_path_factory.mktemp("export_m4") / "models"
    run = processor(state, "--export", out, "--target", "cortex-m4", "--target-samples", "25")
    assert run.returncode == 0, run.stderr[-3000:]
    return out, json.loads((out / "summary.json").read_text()), run.stdout


def test_every_model_has_the_target_figures_and_is_bit_exact(exported):
    out, summary, stdout = exported
    assert summary["target"] == "cortex-m4" and summary["target_kernels"] == "cmsis-nn"
    assert summary["models"]
    for m in summary["models"]:
        assert TARGET_KEYS <= set(m)
        assert m["target_samples"] == 25
        assert m["target_bit_exact"] is True and m["target_mismatched_samples"] == 0
        # Same outputs, so the same accuracy as the x86 interpreter on those samples.
        assert m["target_int8_accuracy"] == m["x86_int8_accuracy_same_samples"]
        assert m["target_arena_total_bytes"] == (m["target_arena_head_bytes"]
                                                 + m["target_arena_tail_bytes"])
        # CMSIS-NN's kernels may add scratch buffers to the head, never take from it; the 32-bit
        # tail is smaller than the 64-bit host's.
        assert m["target_arena_head_bytes"] >= m["tflm_arena_head_bytes"]
        assert m["target_arena_tail_bytes"] < m["tflm_arena_tail_bytes"]
        assert m["tflite_bytes"] <= m["target_model_flash_bytes"] < m["tflite_bytes"] + 16
        # The arena predicted from the written .tflite is the one the firmware measured.
        assert [m[f"target_predicted_{k}"] for k in ARENA_KEYS] == [m[f"target_{k}"]
                                                                     for k in ARENA_KEYS]
        assert f"{m['target_min_arena_bytes']:,}" in stdout
        assert f"{m['target_instructions_per_inference']:,}" in stdout
    assert "M4 instr." in stdout


def test_a_missing_toolchain_is_one_line_and_writes_nothing(state, tmp_path):
    out = tmp_path / "models"
    env = dict(os.environ, PATH=os.path.dirname(sys.executable))
    run = processor(state, "--export", out, "--target", "cortex-m4", env=env)
    assert run.returncode == 2
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 1 and "apt-get install -y gcc-arm-none-eabi" in errors[0], run.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_target_needs_export(state):
    run = processor(state, "--target", "cortex-m4")
    assert run.returncode == 2 and "--target needs --export" in run.stderr
