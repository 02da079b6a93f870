"""End to end: the real driver on Digits with 2 Ray workers, real training (1 epoch), tiny
candidates. A search completes and scores its candidates; a search killed with SIGKILL resumes
without losing a completed point; candidates whose training raises are recorded as failed."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from conftest import CHILD, DEADLINE
from search_algorithms.state import StateFileError, merged_points, read_state

ROOT = Path(__file__).resolve().parents[1]

CONFIG = '''
import keras
import numpy as np

from cnn import CnnSearchSpace
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from dataset import Digits
from resource_models.models import model_size
from search_algorithms import AgingEvoSearch


class TinyCnnSearchSpace(CnnSearchSpace):
    """Random architectures of at most 2 conv blocks and 12 kB, so candidates train quickly."""

    def random_architecture(self, rng=None):
        while True:
            arch = super().random_architecture(rng)
            if (len(arch.architecture["conv_blocks"]) <= 2
                    and model_size(self.to_resource_graph(arch)) <= 12_000):
                return arch


class FailSome(keras.callbacks.Callback):
    """Raises inside training for candidates with an even number of parameters."""

    def on_train_begin(self, logs=None):
        params = sum(int(np.prod(w.shape)) for w in self.model.trainable_weights)
        if FAIL_SOME and params % 2 == 0:
            raise RuntimeError("injected training failure")


FAIL_SOME = False

search_algorithm = AgingEvoSearch
training_config = TrainingConfig(
    dataset=Digits(),
    optimizer=lambda: keras.optimizers.Adam(learning_rate=0.01),
    callbacks=lambda: [FailSome()],
    batch_size=64,
    epochs=3,
)
search_config = AgingEvoConfig(search_space=TinyCnnSearchSpace(), population_size=4,
                               sample_size=2, rounds=100, checkpoint_dir="artifacts/unused")
bound_config = BoundConfig(error_bound=0.5, peak_mem_bound=2_000, model_size_bound=10_000,
                           mac_bound=500_000)
'''


def write_config(tmp_path, fail_some=False):
    path = tmp_path / "tiny_digits.py"
    text = CONFIG.replace("FAIL_SOME = False", f"FAIL_SOME = {fail_some}")
    path.write_text(text)
    return path


def driver_cmd(config, ckpt, rounds, *extra):
    return [sys.executable, str(ROOT / "driver.py"), str(config), "--name", "e2e", "--rounds",
            str(rounds), "--epochs", "1", "--workers", "2", "--checkpoint-dir", str(ckpt), *extra]


def run_driver(config, ckpt, rounds, *extra, timeout=DEADLINE):
    return subprocess.run(driver_cmd(config, ckpt, rounds, *extra), capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, **CHILD)


def state_file(ckpt):
    return Path(ckpt) / "e2e_agingevosearch_state.json"


def test_search_on_digits_scores_candidates_and_keeps_loadable_weights(tmp_path):
    config, ckpt = write_config(tmp_path), tmp_path / "ck"
    result = run_driver(config, ckpt, 6, "--save-every", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stderr
    assert "[6/6] #" in log and "Done: 6 candidates evaluated" in log
    assert "Traceback" not in log and "absl::InitializeLog" not in log

    state = json.loads(state_file(ckpt).read_text())
    assert state["version"] == 1 and len(state["points"]) == 6
    for p in state["points"]:
        assert p["status"] == "ok", p["error"]
        assert 0.0 <= p["val_error"] <= 1.0 and 0.0 <= p["test_error"] <= 1.0
        assert all(isinstance(v, int) and v > 0 for v in p["resource_features"].values())
        assert p["arch"]["search_space"] == "cnn" and p["train_seconds"] > 0

    # A kept model rebuilds with its trained weights and scores what the search recorded.
    import search_state_processor as ssp
    from dataset import Digits
    loaded = ssp.load_search_state(state_file(ckpt))
    assert loaded.space is None  # the test config's space class is not importable ...
    from cnn import CnnSearchSpace  # ... but the architectures are plain CNN architectures
    loaded.space = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
    kept = [p for p in loaded.points if loaded.weights_path(p) is not None]
    assert kept
    point = kept[0]
    model = loaded.keras_model(point)
    split = Digits().splits()
    accuracy = float(np.mean(np.argmax(model.predict(split.x_test, verbose=0), -1) == split.y_test))
    assert abs((1 - accuracy) - point.test_error) < 1e-3
    graph = loaded.resource_graph(point)
    assert graph.operators

    out = subprocess.run([sys.executable, str(ROOT / "search_state_processor.py"),
                          str(state_file(ckpt)), "--plot-dir", str(tmp_path / "plots")],
                         capture_output=True, text=True, timeout=DEADLINE, **CHILD)
    assert out.returncode == 0 and "Pareto-optimal candidates" in out.stdout, out.stderr
    # μNAS's three figures, the default target's (a Cortex-M4: RAM, flash, instructions; no
    # milliseconds without a clock) and the progress plot
    assert sorted(p.name for p in (tmp_path / "plots").glob("*.png")) == sorted(
        f"pareto_{f}.png" for f in ("peak_memory_usage", "model_size", "macs", "ram_bytes",
                                    "flash_bytes", "instructions")) + ["progress.png"]
    assert all(p.target_features["instructions"] > 0 for p in loaded.ok_points)


def recorded(path):
    snapshot, events = read_state(path)
    done, in_flight = merged_points(snapshot, events)
    return [p["id"] for p in done]


def start_driver(config, ckpt, rounds, *extra):
    """The driver in its own session (so a signal can reach it and its Ray workers together);
    its log goes to a file (a pipe nobody reads while waiting could fill and block it)."""
    log = Path(ckpt).parent / "driver.log"
    with open(log, "w") as f:
        proc = subprocess.Popen(driver_cmd(config, ckpt, rounds, *extra), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=f, text=True,
                                start_new_session=True, **CHILD)
    proc.log = log
    return proc


def finish(proc):
    """Wait (generous deadline) for the driver to exit; its log."""
    proc.wait(timeout=DEADLINE)
    return proc.log.read_text()


def wait_until_recorded(proc, path, n):
    """Wait (generous deadline) until the running driver has recorded ``n`` results."""
    deadline = time.time() + DEADLINE
    done = []
    while time.time() < deadline and len(done) < n:
        assert proc.poll() is None, proc.log.read_text()[-3000:]
        try:
            done = recorded(path)
        except StateFileError:
            pass
        time.sleep(0.2)
    assert len(done) >= n, f"the search recorded {len(done)} of {n} candidates in {DEADLINE} s"
    return done


def test_sigkill_then_resume_loses_no_completed_point(tmp_path):
    config, ckpt = write_config(tmp_path), tmp_path / "ck"
    path = state_file(ckpt)
    proc = start_driver(config, ckpt, 1000, "--save-every", "3")  # only the kill stops it
    wait_until_recorded(proc, path, 3)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and everything in its session
    proc.wait()
    done = recorded(path)
    assert len(done) >= 3
    total = len(done) + 3  # whatever was in flight at the kill is evaluated again, then new ones

    result = run_driver(config, ckpt, total, "--load-from", path)
    assert result.returncode == 0, result.stderr[-3000:]
    state = json.loads(path.read_text())
    ids = [p["id"] for p in state["points"]]
    assert ids[:len(done)] == done  # nothing recorded before the kill was lost or redone
    assert len(ids) == total and len(set(ids)) == total and state["in_flight"] == []
    assert "Resuming with" in result.stderr


def test_candidates_whose_training_raises_are_recorded_as_failed(tmp_path):
    config, ckpt = write_config(tmp_path, fail_some=True), tmp_path / "ck"
    result = run_driver(config, ckpt, 6)
    assert result.returncode == 0, result.stderr[-3000:]
    points = json.loads(state_file(ckpt).read_text())["points"]
    assert len(points) == 6
    failed = [p for p in points if p["status"] == "failed"]
    assert failed, "the injected failure hit no candidate: change the rule in CONFIG"
    assert all("injected training failure" in p["error"] and p["val_error"] is None
               for p in failed)
    assert all(p["val_error"] is not None for p in points if p["status"] == "ok")
    assert "FAILED" in result.stderr


def test_ctrl_c_saves_the_state_and_resume_finishes(tmp_path):
    """SIGINT to the whole process group, as a terminal's Ctrl-C sends it (Ray workers too)."""
    config, ckpt = write_config(tmp_path), tmp_path / "ck"
    path = state_file(ckpt)
    proc = start_driver(config, ckpt, 1000, "--save-every", "50")  # only Ctrl-C stops it
    done = wait_until_recorded(proc, path, 2)
    os.killpg(proc.pid, signal.SIGINT)
    err = finish(proc)
    assert proc.returncode == 130, err[-3000:]
    assert "Interrupted" in err and "--load-from" in err
    snapshot = json.loads(path.read_text())  # written at the interrupt despite --save-every 50
    saved = [p["id"] for p in snapshot["points"]]
    assert saved[:len(done)] == done and len(saved) < 1000
    total = len(saved) + len(snapshot["in_flight"]) + 1

    result = run_driver(config, ckpt, total, "--load-from", path)
    assert result.returncode == 0, result.stderr[-3000:]
    ids = [p["id"] for p in json.loads(path.read_text())["points"]]
    assert ids[:len(saved)] == saved and sorted(ids) == list(range(total))


# --- the driver with the fake search space and evaluator (no training): the paths users hit ----
FAKE_CONFIG = '''
from config import AgingEvoConfig, BoundConfig, TrainingConfig
from search_algorithms import AgingEvoSearch
from search_algorithms.testing import FakeEvaluator, FakeSearchSpace, StallingStart

USE_RAY, DELAY, FAIL_EVERY = True, 0.0, None
STALL_DIR, STALLS, START_TIMEOUT = None, 0, 300.0


class FakeData:
    input_shape, num_classes = (8, 8, 1), 10
    train_dataset = validation_dataset = test_dataset = lambda self: None


class FakeSearch(AgingEvoSearch):
    def __init__(self, *args, **kwargs):
        factory = (StallingStart(STALL_DIR, STALLS, delay=DELAY, fail_every=FAIL_EVERY)
                   if STALL_DIR else lambda: FakeEvaluator(delay=DELAY, fail_every=FAIL_EVERY))
        args[1].worker_start_timeout_s = START_TIMEOUT
        super().__init__(*args, use_ray=USE_RAY, max_consecutive_failures=3, **kwargs,
                         evaluator_factory=factory)


search_algorithm = FakeSearch
training_config = TrainingConfig(dataset=FakeData(), optimizer=lambda: None, epochs=1)
search_config = AgingEvoConfig(search_space=FakeSearchSpace(), population_size=6, sample_size=3,
                               rounds=20, checkpoint_dir="artifacts/unused")
bound_config = BoundConfig(error_bound=0.1, model_size_bound=5000)
'''


def write_fake_config(tmp_path, **values):
    """The fake config with ``USE_RAY``, ``DELAY``, ``FAIL_EVERY``, ``STALL_DIR``/``STALLS``
    (worker starts that hang) and ``START_TIMEOUT`` set (read when the search is built, after the
    whole file has run)."""
    path = tmp_path / "fake.py"
    path.write_text(FAKE_CONFIG + "".join(f"{k} = {v!r}\n" for k, v in values.items()))
    return path


def run_fake(tmp_path, *args, env=None, **values):
    cmd = [sys.executable, str(ROOT / "driver.py"), str(write_fake_config(tmp_path, **values)),
           "--name", "fake", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=DEADLINE, cwd=ROOT,
                          env=env, **CHILD)


def error_lines(stderr):
    return [line for line in stderr.splitlines() if line.strip()]


def test_a_checkpoint_dir_that_cannot_be_created_is_one_line_before_any_worker(tmp_path):
    result = run_fake(tmp_path, "--checkpoint-dir", "/proc/nope/ck")
    assert result.returncode == 2, result.stderr[-3000:]
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith(
        "error: --checkpoint-dir /proc/nope/ck: cannot create the checkpoint directory ("), lines
    assert "Searching" not in result.stderr and "Config " not in result.stderr  # nothing started


def test_an_unreachable_ray_address_is_one_line(tmp_path):
    # Nothing listens on the discard port: the address is probed before Ray is asked (Ray
    # itself would retry for ~13 minutes).
    result = run_fake(tmp_path, "--checkpoint-dir", tmp_path / "ck", "--ray-address",
                      "127.0.0.1:9")
    assert result.returncode == 2, result.stderr[-3000:]
    errors = [line for line in error_lines(result.stderr) if "error" in line.lower()]
    assert errors and errors[-1].startswith("error: could not join the Ray cluster at 127.0.0.1:9:"
                                            " nothing answers at 127.0.0.1:9")
    assert "Traceback" not in result.stderr
    assert not state_file_named(tmp_path / "ck", "fake").exists()


def state_file_named(ckpt, name):
    return Path(ckpt) / f"{name}_agingevosearch_state.json"


def test_too_many_failures_in_a_row_exit_1_with_the_state_saved(tmp_path):
    result = run_fake(tmp_path, "--checkpoint-dir", tmp_path / "ck", USE_RAY=False, FAIL_EVERY=1)
    assert result.returncode == 1, result.stderr[-3000:]
    assert "error: search stopped: 3 candidates in a row failed" in result.stderr
    points = json.loads(state_file_named(tmp_path / "ck", "fake").read_text())["points"]
    assert [p["status"] for p in points] == ["failed"] * 3


def test_no_worker_able_to_start_exits_1_in_one_line_with_the_state_saved(tmp_path):
    """Every worker start hangs: each worker and its replacement are given up after the start-up
    time, and the driver stops with one line, exit 1, the submitted candidates saved in flight."""
    result = run_fake(tmp_path, "--checkpoint-dir", tmp_path / "ck", "--workers", "2",
                      STALL_DIR=str(tmp_path / "starts"), STALLS=1000, START_TIMEOUT=3.0)
    assert result.returncode == 1, result.stderr[-3000:]
    errors = [line for line in error_lines(result.stderr) if line.startswith("error:")]
    assert len(errors) == 1 and "no Ray worker could start within 3 s" in errors[0], \
        result.stderr[-3000:]
    assert "did not start within 3 s" in result.stderr  # said in the log, not silent
    state = json.loads(state_file_named(tmp_path / "ck", "fake").read_text())
    assert state["points"] == [] and len(state["in_flight"]) == 2
    starts = tmp_path / "starts"  # 2 workers and 2 replacements at most (fewer begin on a
    assert len(list(starts.iterdir()) if starts.exists() else []) <= 4  # loaded machine in 3 s)


def test_sigterm_saves_the_state_and_exits_as_ctrl_c(tmp_path):
    """SIGTERM to the whole job (``kill %1`` of a background search, whose SIGINT is ignored)."""
    ckpt = tmp_path / "ck"
    path = state_file_named(ckpt, "fake")
    cmd = [sys.executable, str(ROOT / "driver.py"),
           str(write_fake_config(tmp_path, DELAY=0.2)), "--name", "fake", "--rounds", "1000000",
           "--workers", "2", "--save-every", "1000", "--checkpoint-dir", str(ckpt)]
    with open(tmp_path / "driver.log", "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log, text=True,
                                start_new_session=True, **CHILD)
    proc.log = tmp_path / "driver.log"
    done = wait_until_recorded(proc, path, 3)
    os.killpg(proc.pid, signal.SIGTERM)
    err = finish(proc)
    assert proc.returncode == 130, err[-3000:]
    assert f"Interrupted; resume with --load-from {path}" in err
    assert "Interrupted: saved" in err and "Traceback" not in err
    snapshot = json.loads(path.read_text())  # written at the signal despite --save-every 1000
    saved = [p["id"] for p in snapshot["points"]]
    assert saved[:len(done)] == done and len(saved) < 1000
