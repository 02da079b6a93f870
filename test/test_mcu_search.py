"""A Digits search bounded on the Cortex-M4's RAM and flash (configs/cnn_digits_mcu.py), end to
end: the driver's real search (Ray workers, training, screening on the predicted target figures),
then every point the search counts within the target bounds is exported, built into CMSIS-NN
firmware and run in QEMU, and the firmware must fit the bounds the search believed it met: the
smallest arena it runs in plus the config's stack reserve within the RAM bound (and the stack it measures
within that reserve), the .tflite within the flash bound. The predicted figures the points carry
must equal what the export and the firmware measured, to the byte.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEADLINE, ROOT

CONFIG = Path(ROOT) / "configs" / "cnn_digits_mcu.py"


@pytest.fixture(scope="module")
def search(tmp_path_factory):
    from mcu.prepare import main as prepare
    assert prepare() == 0     # toolchain and CMSIS-NN library (cached) before any worker starts
    out = tmp_path_factory.mktemp("mcu_search")
    run = subprocess.run([sys.executable, "driver.py", str(CONFIG), "--name", "m4", "--seed", "3",
                          "--rounds", "6", "--epochs", "4", "--workers", "2",
                          "--checkpoint-dir", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE)
    assert run.returncode == 0, run.stderr[-3000:]
    return out / "m4_agingevosearch_state.json", run


def test_bounded_search_exports_firmware_that_fits_the_target_bounds(search, tmp_path):
    import search_state_processor as ssp
    from driver import load_config

    state_file, run = search
    bounds = load_config(str(CONFIG))["bound_config"]
    state = ssp.load_search_state(state_file)
    assert state.objectives == ["val_error", "ram_bytes", "flash_bytes"]
    assert all(p.target_features is not None for p in state.ok_points)
    fitting = [p for p in state.ok_points
               if p.target_features["ram_bytes"] <= bounds.target_ram_bound
               and p.target_features["flash_bytes"] <= bounds.target_flash_bound]
    assert fitting, "seed 3's first random candidates include some within the target bounds"
    out = tmp_path / "models"
    ids = ",".join(str(p.id) for p in fitting)
    exported = subprocess.run([sys.executable, "search_state_processor.py", str(state_file),
                               "--export", str(out), "--points", ids, "--retrain", "--config",
                               str(CONFIG), "--target", "cortex-m4",
                               "--kernels", "cmsis-nn", "--target-samples", "10"],
                              cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE)
    assert exported.returncode == 0, exported.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    assert [m["id"] for m in summary["models"]] == [p.id for p in fitting]
    stack = bounds.target.stack_bytes
    for m in summary["models"]:
        predicted = m["search_target_features"]
        # what the search predicted is what was exported and what the firmware measured
        assert predicted["tflite_bytes"] == m["tflite_bytes"]
        assert predicted["arena_total_bytes"] == m["target_arena_total_bytes"]
        assert predicted["min_arena_bytes"] == m["target_min_arena_bytes"]
        # so the firmware fits the bounds the search held it to
        assert m["target_min_arena_bytes"] + stack <= bounds.target_ram_bound
        assert m["target_stack_bytes"] <= stack
        assert m["tflite_bytes"] <= bounds.target_flash_bound
        assert m["target_bit_exact"] is True
